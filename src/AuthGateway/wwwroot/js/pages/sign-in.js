import { describeAuthError, getSession, signIn } from '../auth.js';
import { safeReturnTo } from '../nav.js';
import { clearFormErrors, setBusy, showFormErrors } from '../ui.js';

const NOTICES = {
  'session-ended': 'Your session has ended. Please sign in again.',
  'signed-out': 'You have been signed out.',
  'signed-out-elsewhere': 'You were signed out in another tab.',
};

const params = new URLSearchParams(location.search);
const returnTo = safeReturnTo(params.get('returnTo') ?? '/');
const form = document.getElementById('sign-in-form');

const notice = NOTICES[params.get('reason')];
if (notice) {
  const slot = document.getElementById('notice');
  slot.textContent = notice;
  slot.hidden = false;
}
if (returnTo !== '/') {
  document.getElementById('switch-link').href = `/sign-up?${new URLSearchParams({ returnTo })}`;
}

// Someone who is still signed in has nothing to do here.
getSession().then((session) => {
  if (session) {
    location.replace(returnTo);
  }
}).catch(() => {});

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFormErrors(form);
  const email = form.elements.email.value.trim();
  const password = form.elements.password.value;
  const fields = {};
  if (!email) {
    fields.email = 'Enter your email address.';
  }
  if (!password) {
    fields.password = 'Enter your password.';
  }
  if (Object.keys(fields).length) {
    showFormErrors(form, { fields });
    return;
  }

  setBusy(form, true, 'Signing in…');
  try {
    await signIn({ email, password, rememberMe: form.elements.rememberMe.checked });
    location.assign(returnTo);
  } catch (error) {
    setBusy(form, false);
    showFormErrors(form, describeAuthError(error));
  }
});
