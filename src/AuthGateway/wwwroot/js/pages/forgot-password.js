// Forgot password: ask for a reset link. The answer is the same whether or not the address has an account.
import { describeAuthError, requestPasswordReset } from '../auth.js';
import { clearFormErrors, handleSubmit, setBusy, showFormErrors } from '../ui.js';

const form = document.getElementById('forgot-form');
const notice = document.getElementById('notice');

handleSubmit(form, async () => {
  clearFormErrors(form);
  const email = form.elements.email.value.trim();
  if (!email) {
    showFormErrors(form, { fields: { email: 'Enter your email address.' } });
    return;
  }
  setBusy(form, true, 'Sending…');
  try {
    await requestPasswordReset(email);
    notice.textContent = `If ${email} has an account, a link to choose a new password is on its way. It works once, for one hour.`;
    notice.hidden = false;
    form.reset();
  } catch (error) {
    showFormErrors(form, error.code === 'RESET_PASSWORD_DISABLED'
      ? { form: "Password reset isn't available on this server: no mail can be sent." }
      : describeAuthError(error));
  } finally {
    setBusy(form, false);
  }
});
