// Where the UI sends people: sign-in with a return path, and back again afterwards.

const AUTH_PAGES = ['/sign-in', '/sign-up'];

/**
 * A return path is only ever a path on this site; anything else (other origins, "//host", "/\host", odd schemes)
 * becomes "/". The path is judged after the browser has resolved it, because dot segments and their encodings
 * ("/.//host", "/%2e/%2e//host") only collapse there — and a resolved path that starts with "//" names another host.
 */
export function safeReturnTo(value) {
  const url = sameOriginUrl(value);
  return url ? url.pathname + url.search + url.hash : '/';
}

/**
 * Follows a return path: to the absolute URL it resolves to on this origin, so nothing about the string can move the
 * browser elsewhere; anything `safeReturnTo` refuses goes to "/". `replace` keeps the current page out of the history.
 */
export function goToReturnTo(value, { replace = false } = {}) {
  const target = (sameOriginUrl(value) ?? new URL('/', location.origin)).href;
  if (replace) {
    location.replace(target);
  } else {
    location.assign(target);
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

/** `value` resolved against this origin, or null unless it is a path here that cannot be read as another host. */
function sameOriginUrl(value) {
  if (typeof value !== 'string' || !value.startsWith('/')) {
    return null;
  }
  let url;
  try {
    url = new URL(value, location.origin);
  } catch {
    return null;
  }
  // The parser has already turned every backslash into "/", so "//" is the one prefix left that names another host.
  if (url.origin !== location.origin || url.pathname.startsWith('//') || AUTH_PAGES.includes(url.pathname)) {
    return null;
  }
  return url;
}
