// Reset password: the mailed link lands here as /reset-password?token=… (or ?error=INVALID_TOKEN when it no longer works).
import { describeAuthError, resetPassword } from '../auth.js';
import { clearFormErrors, handleSubmit, setBusy, showFormErrors } from '../ui.js';

const form = document.getElementById('reset-form');
const notice = document.getElementById('notice');
const query = new URLSearchParams(location.search);
const token = query.get('token');

function say(message) {
  notice.textContent = message;
  notice.hidden = false;
}

if (!token || query.get('error')) {
  form.hidden = true;
  say('This link has expired or was already used. Ask for a new one.');
} else {
  // The token stays out of the address bar (and out of the history) once read.
  history.replaceState(null, '', '/reset-password');
  handleSubmit(form, async () => {
    clearFormErrors(form);
    const newPassword = form.elements.newPassword.value;
    if (!newPassword) {
      showFormErrors(form, { fields: { newPassword: 'Choose a new password.' } });
      return;
    }
    setBusy(form, true, 'Saving…');
    try {
      await resetPassword({ newPassword, token });
      form.hidden = true;
      say('Your password has been changed, and every device has been signed out. You can sign in with it now.');
    } catch (error) {
      if (error.code === 'INVALID_TOKEN') {
        form.hidden = true;
        say('This link has expired or was already used. Ask for a new one.');
      } else {
        showFormErrors(form, describeAuthError(error, { passwordField: 'newPassword' }));
      }
    } finally {
      setBusy(form, false);
    }
  });
}
