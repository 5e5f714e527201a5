// Where the UI sends people: sign-in with a return path, and back again afterwards.

const AUTH_PAGES = ['/sign-in', '/sign-up'];

/** A return path is only ever a path on this site; anything else (other origins, "//host", odd schemes) becomes "/". */
export function safeReturnTo(value) {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return '/';
  }
  try {
    const url = new URL(value, location.origin);
    if (url.origin !== location.origin || AUTH_PAGES.includes(url.pathname)) {
      return '/';
    }
    return url.pathname + url.search + url.hash;
  } catch {
    return '/';
  }
}

/** The sign-in page, remembering where to come back to and (optionally) why the user is there. */
export function signInUrl({ returnTo = location.pathname + location.search, reason } = {}) {
  const params = new URLSearchParams({ returnTo: safeReturnTo(returnTo) });
  if (reason) {
    params.set('reason', reason);
  }
  return `/sign-in?${params}`;
}

/** Leaves the current page for sign-in without keeping it in the history (Back must not return to a dead page). */
export function goToSignIn(reason) {
  location.replace(signInUrl({ reason }));
}
