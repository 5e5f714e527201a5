import { describeAuthError, signIn, verifyBackupCode, verifyTotp } from '../auth.js';
import { setUpAuthForm } from '../auth-form.js';
import { goToReturnTo, safeReturnTo } from '../nav.js';
import { clearFormErrors, handleSubmit, setBusy, showFormErrors } from '../ui.js';

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
  submit: async (values) => {
    const data = await signIn(values);
    if (data?.twoFactorRedirect) {
      showCodeStep();
      return false;
    }
    return true;
  },
});

// The second step, for accounts with two-step sign-in: the password was right, and the gateway set a short-lived
// cookie for this step only. A code from the authenticator app, or one of the backup codes.
const codeForm = document.getElementById('code-form');
let backupMode = false;

function showCodeStep() {
  document.getElementById('sign-in-form').hidden = true;
  document.getElementById('forgot-password').hidden = true;
  codeForm.hidden = false;
  codeForm.elements.code.focus();
}

document.getElementById('use-backup-code').addEventListener('click', (event) => {
  backupMode = !backupMode;
  clearFormErrors(codeForm);
  codeForm.elements.code.value = '';
  codeForm.elements.code.inputMode = backupMode ? 'text' : 'numeric';
  document.getElementById('code-label').textContent = backupMode ? 'Backup code' : 'Authentication code';
  document.getElementById('code-intro').textContent = backupMode
    ? 'Enter one of the backup codes you saved when you turned on two-step sign-in. Each works once.'
    : 'Enter the 6-digit code from your authenticator app.';
  event.currentTarget.textContent = backupMode ? 'Use my authenticator app instead' : 'Use a backup code instead';
  codeForm.elements.code.focus();
});

handleSubmit(codeForm, async () => {
  clearFormErrors(codeForm);
  const code = codeForm.elements.code.value.replace(/\s+/g, '');
  if (!code) {
    showFormErrors(codeForm, { fields: { code: backupMode ? 'Enter a backup code.' : 'Enter the code from your app.' } });
    return;
  }
  setBusy(codeForm, true, 'Verifying…');
  try {
    const trust = codeForm.elements.trustDevice.checked;
    await (backupMode ? verifyBackupCode(code, trust) : verifyTotp(code, trust));
    goToReturnTo(safeReturnTo(new URLSearchParams(location.search).get('returnTo') ?? '/'));
  } catch (error) {
    setBusy(codeForm, false);
    showFormErrors(codeForm, describeAuthError(error));
  }
});
