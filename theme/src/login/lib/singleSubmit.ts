import { useEffect } from "react";

/**
 * A form is posted once. A double tap on 次へ sends the same step twice: Keycloak answers the second
 * post as a stale page, and two wrong codes within a second trip its quick-login lockout (a minute in
 * which even the right code reads as wrong). A submit another handler stopped (a page's own checks)
 * does not count; a page restored by Back (bfcache) can be posted again.
 */
export function useSingleSubmit(): void {
  useEffect(() => {
    const onSubmit = (event: SubmitEvent) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || event.defaultPrevented) return;
      if (form.dataset.kpSubmitted === "true") event.preventDefault();
      else form.dataset.kpSubmitted = "true";
    };
    const onPageShow = (event: PageTransitionEvent) => {
      if (!event.persisted) return;
      for (const form of document.querySelectorAll<HTMLFormElement>("form[data-kp-submitted]"))
        delete form.dataset.kpSubmitted;
    };
    // Bubbling, after React's own handlers (delegated at the root): their preventDefault is seen here.
    document.addEventListener("submit", onSubmit);
    window.addEventListener("pageshow", onPageShow);
    return () => {
      document.removeEventListener("submit", onSubmit);
      window.removeEventListener("pageshow", onPageShow);
    };
  }, []);
}
