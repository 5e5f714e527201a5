import { describeAuthError, getSession } from './auth.js';
import { goToReturnTo, safeReturnTo } from './nav.js';
import { clearFormErrors, handleSubmit, setBusy, showFormErrors } from './ui.js';

/**
 * What the sign-in and sign-up pages share: where to go afterwards (`?returnTo=`, also carried on the link to the
 * other page), straight there for someone who is still signed in, and a form whose required fields are checked
 * before anything is sent.
 * - `read(elements)` gives the values to send;
 * - `required` maps each required value to the message shown when it is empty (in the order the fields appear);
 * - `submit(values)` sends them; on success the page goes to `returnTo` (unless `submit` returns `false`: it has more
 *   to ask first), on failure the form shows why.
 */
export function setUpAuthForm({ form, otherPage, read, required, busyLabel, submit }) {
  const returnTo = safeReturnTo(new URLSearchParams(location.search).get('returnTo') ?? '/');
  if (returnTo !== '/') {
    document.getElementById('switch-link').href = `${otherPage}?${new URLSearchParams({ returnTo })}`;
  }

  // Someone who is still signed in has nothing to do here.
  getSession().then((session) => {
    if (session) {
      goToReturnTo(returnTo, { replace: true });
    }
  }).catch(() => {});

  handleSubmit(form, async () => {
    clearFormErrors(form);
    const values = read(form.elements);
    const fields = {};
    for (const [name, message] of Object.entries(required)) {
      if (!values[name]) {
        fields[name] = message;
      }
    }
    if (Object.keys(fields).length) {
      showFormErrors(form, { fields });
      return;
    }

    setBusy(form, true, busyLabel);
    try {
      if ((await submit(values)) === false) {
        setBusy(form, false);
        return;
      }
      goToReturnTo(returnTo);
    } catch (error) {
      setBusy(form, false);
      showFormErrors(form, describeAuthError(error));
    }
  });
}
