import { signIn } from '../auth.js';
import { setUpAuthForm } from '../auth-form.js';

const NOTICES = {
  'session-ended': 'Your session has ended. Please sign in again.',
  'signed-out': 'You have been signed out.',
  'signed-out-elsewhere': 'You were signed out in another tab.',
  'account-deleted': 'Your account has been deleted.',
};

const notice = NOTICES[new URLSearchParams(location.search).get('reason')];
if (notice) {
  const slot = document.getElementById('notice');
  slot.textContent = notice;
  slot.hidden = false;
}

setUpAuthForm({
  form: document.getElementById('sign-in-form'),
  otherPage: '/sign-up',
  read: (elements) => ({
    email: elements.email.value.trim(),
    password: elements.password.value,
    rememberMe: elements.rememberMe.checked,
  }),
  required: { email: 'Enter your email address.', password: 'Enter your password.' },
  busyLabel: 'Signing in…',
  submit: signIn,
});
