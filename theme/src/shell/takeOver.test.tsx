import { act, render } from "@testing-library/react";
import { useState } from "react";
import { followShellFocus, takeOverShell } from "./takeOver";

/** The real page as React renders it: a controlled field, an uncontrolled one, a checkbox, an autofocus. */
function Page(props: { seen: (value: string) => void }) {
  const [name, setName] = useState("iPhone");
  props.seen(name);
  return (
    <form>
      <input id="username" name="username" defaultValue="" autoFocus />
      <input id="authenticatorLabel" value={name} onChange={(e) => setName(e.target.value)} />
      <input id="logout-sessions" type="checkbox" />
      <input type="hidden" id="credentialId" name="credentialId" value="" />
    </form>
  );
}

/** The shell as the server sent it, typed in by the member before the bundle ran. */
function shellTypedIn(): HTMLElement {
  const shell = document.createElement("div");
  shell.id = "kp-shell";
  shell.innerHTML = `<form>
    <input id="username" name="username" value="">
    <input id="authenticatorLabel" value="iPhone">
    <input id="logout-sessions" type="checkbox">
    <input type="hidden" id="credentialId" name="credentialId" value="shell">
  </form>`;
  document.body.appendChild(shell);
  return shell;
}

test.each([
  ["the field the member is in", "username", "username", 3],
  ["another field", "authenticatorLabel", "authenticatorLabel", 2],
])(
  "what the member typed in the shell, with the focus in %s, moves to the page; the shell goes",
  (_what, focusId, expectedFocus, caret) => {
    const shell = shellTypedIn();
    const focused = followShellFocus(shell);
    const typed = shell.querySelector<HTMLInputElement>("#username")!;
    typed.value = "yamada.taro";
    shell.querySelector<HTMLInputElement>("#authenticatorLabel")!.value = "わたしの電話";
    shell.querySelector<HTMLInputElement>("#logout-sessions")!.checked = true;
    const inField = shell.querySelector<HTMLInputElement>(`#${focusId}`)!;
    inField.focus();
    inField.setSelectionRange(caret, caret);

    const seen: string[] = [];
    const root = document.createElement("div");
    document.body.appendChild(root);
    // React's autoFocus takes the focus away from the shell when the page renders.
    render(<Page seen={(v) => seen.push(v)} />, { container: root });
    act(() => takeOverShell(shell, root, focused()));

    expect(document.getElementById("kp-shell")).toBeNull();
    expect(root.querySelector<HTMLInputElement>("#username")!.value).toBe("yamada.taro");
    // The controlled field's state follows, not only its DOM value.
    expect(seen.at(-1)).toBe("わたしの電話");
    expect(root.querySelector<HTMLInputElement>("#logout-sessions")!.checked).toBe(true);
    // Hidden fields are the page's own data: never taken from the shell.
    expect(root.querySelector<HTMLInputElement>("#credentialId")!.value).toBe("");
    expect(document.activeElement?.id).toBe(expectedFocus);
    expect((document.activeElement as HTMLInputElement).selectionStart).toBe(caret);
  },
);

test("a shell the member left alone gives way without changing the page", () => {
  const shell = shellTypedIn();
  const root = document.createElement("div");
  document.body.appendChild(root);
  const seen: string[] = [];
  render(<Page seen={(v) => seen.push(v)} />, { container: root });
  act(() => takeOverShell(shell, root, null));
  expect(document.getElementById("kp-shell")).toBeNull();
  expect(root.querySelector<HTMLInputElement>("#authenticatorLabel")!.value).toBe("iPhone");
  expect(root.querySelector<HTMLInputElement>("#logout-sessions")!.checked).toBe(false);
  expect(document.activeElement?.id).toBe("username");
});
