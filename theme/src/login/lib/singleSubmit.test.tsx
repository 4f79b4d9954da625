import { render } from "@testing-library/react";
import { useSingleSubmit } from "./singleSubmit";

function Page(props: { check?: (event: React.FormEvent) => void }) {
  useSingleSubmit();
  return (
    <form id="f" onSubmit={props.check}>
      <button type="submit">次へ</button>
    </form>
  );
}

/** Dispatches a submit as the browser would and says whether it would be posted. */
function submit(form: HTMLFormElement): boolean {
  return form.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
}

test("the second submit of the same form is stopped", () => {
  render(<Page />);
  const form = document.getElementById("f") as HTMLFormElement;
  expect(submit(form)).toBe(true);
  expect(submit(form)).toBe(false);
});

test("a submit the page's own check stopped does not count", () => {
  let allow = false;
  render(<Page check={(e) => (allow ? undefined : e.preventDefault())} />);
  const form = document.getElementById("f") as HTMLFormElement;
  expect(submit(form)).toBe(false);
  allow = true;
  expect(submit(form)).toBe(true);
  expect(submit(form)).toBe(false);
});

test("a page restored by Back can be posted again", () => {
  render(<Page />);
  const form = document.getElementById("f") as HTMLFormElement;
  expect(submit(form)).toBe(true);
  const restored = new Event("pageshow") as PageTransitionEvent;
  Object.defineProperty(restored, "persisted", { value: true });
  window.dispatchEvent(restored);
  expect(submit(form)).toBe(true);
});
