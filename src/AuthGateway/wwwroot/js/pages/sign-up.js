import { describeAuthError, getSession, signUp } from '../auth.js';
import { safeReturnTo } from '../nav.js';
import { clearFormErrors, setBusy, showFormErrors } from '../ui.js';

const returnTo = safeReturnTo(new URLSearchParams(location.search).get('returnTo') ?? '/');
const form = document.getElementById('sign-up-form');

if (returnTo !== '/') {
  document.getElementById('switch-link').href = `/sign-in?${new URLSearchParams({ returnTo })}`;
}

getSession().then((session) => {
  if (session) {
    location.replace(returnTo);
  }
}).catch(() => {});

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFormErrors(form);
  const name = form.elements.name.value.trim();
  const email = form.elements.email.value.trim();
  const password = form.elements.password.value;
  const fields = {};
  if (!name) {
    fields.name = 'Enter your name.';
  }
  if (!email) {
    fields.email = 'Enter your email address.';
  }
  if (!password) {
    fields.password = 'Choose a password.';
  }
  if (Object.keys(fields).length) {
    showFormErrors(form, { fields });
    return;
  }

  setBusy(form, true, 'Creating your account…');
  try {
    await signUp({ name, email, password });
    location.assign(returnTo);
  } catch (error) {
    setBusy(form, false);
    showFormErrors(form, describeAuthError(error));
  }
});
