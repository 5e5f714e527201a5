// The account page: profile name, password change, the sessions (devices) signed in to this account, sign-out.
import { SessionEndedError, refreshToken } from '../api.js';
import {
  changePassword, deleteUser, describeAuthError, disableTwoFactor, enableTwoFactor, generateBackupCodes, getSession,
  listSessions, revokeOtherSessions, revokeSession, sendVerificationEmail, twoFactorQrCode, updateUser, verifyTotp,
} from '../auth.js';
import { goToSignIn } from '../nav.js';
import { boot, showUser } from '../shell.js';
import {
  clearFormErrors, formatDateTime, formatRelative, h, handleSubmit, setBusy, showFormErrors, toast,
} from '../ui.js';

const $ = (id) => document.getElementById(id);
const profileForm = $('profile-form');
const passwordForm = $('password-form');

await boot();
let current = await getSession().catch(() => null);
if (!current) {
  goToSignIn();
} else {
  profileForm.elements.name.value = current.user.name ?? '';
  profileForm.elements.email.value = current.user.email;
  handleSubmit(profileForm, saveName);
  handleSubmit(passwordForm, savePassword);
  $('revoke-others').addEventListener('click', signOutOthers);
  handleSubmit($('delete-form'), deleteAccount);
  $('send-verification').addEventListener('click', sendVerification);
  showEmailStatus();
  setUpTwoFactor();
  await loadSessions();
}

function showEmailStatus() {
  const verified = current.user.emailVerified;
  $('email-status').textContent = verified ? 'Confirmed' : 'Not confirmed yet';
  $('email-status').className = verified ? 'badge badge-current' : 'badge';
  $('send-verification').hidden = verified;
  if (new URLSearchParams(location.search).get('verified')) {
    history.replaceState(null, '', '/account');
    toast(verified ? 'Your email address is confirmed.' : "That confirmation link didn't work. Send a new one.", { timeout: 5000 });
  }
}

async function sendVerification(event) {
  const button = event.currentTarget;
  button.disabled = true;
  try {
    await sendVerificationEmail(current.user.email);
    toast(`A confirmation link is on its way to ${current.user.email}.`, { timeout: 5000 });
  } catch (error) {
    button.disabled = false;
    if (!(error instanceof SessionEndedError)) {
      toast(error.code === 'VERIFICATION_EMAIL_NOT_ENABLED'
        ? "Confirmation mail isn't available on this server."
        : `Couldn't send the link. ${describeAuthError(error).form}`, { tone: 'error' });
    }
  }
}

async function deleteAccount(event) {
  const form = event.currentTarget;
  clearFormErrors(form);
  const password = form.elements.password.value;
  const fields = {};
  if (!password) {
    fields.password = 'Enter your password to confirm.';
  }
  if (!form.elements.confirm.checked) {
    fields.confirm = 'Tick the box to confirm.';
  }
  if (Object.keys(fields).length) {
    showFormErrors(form, { fields });
    return;
  }
  setBusy(form, true, 'Deleting…');
  try {
    await deleteUser(password);
    location.replace('/sign-in?reason=account-deleted');
  } catch (error) {
    setBusy(form, false);
    if (!(error instanceof SessionEndedError)) {
      showFormErrors(form, error.code === 'INVALID_PASSWORD'
        ? { form: '', fields: { password: 'That is not your password.' } }
        : describeAuthError(error));
    }
  }
}

async function saveName() {
  clearFormErrors(profileForm);
  const name = profileForm.elements.name.value.trim();
  if (!name) {
    showFormErrors(profileForm, { fields: { name: 'Enter your name.' } });
    return;
  }
  setBusy(profileForm, true, 'Saving…');
  try {
    await updateUser({ name });
    current.user.name = name;
    showUser({ name, email: current.user.email });
    profileForm.querySelector('.form-success').textContent = 'Your name has been saved.';
    refreshToken().catch(() => {}); // the next JWT carries the new name
  } catch (error) {
    if (!(error instanceof SessionEndedError)) {
      showFormErrors(profileForm, describeAuthError(error));
    }
  } finally {
    setBusy(profileForm, false);
  }
}

async function savePassword() {
  clearFormErrors(passwordForm);
  const currentPassword = passwordForm.elements.currentPassword.value;
  const newPassword = passwordForm.elements.newPassword.value;
  const revokeOthers = passwordForm.elements.revokeOtherSessions.checked;
  const fields = {};
  if (!currentPassword) {
    fields.currentPassword = 'Enter your current password.';
  }
  if (!newPassword) {
    fields.newPassword = 'Choose a new password.';
  }
  if (Object.keys(fields).length) {
    showFormErrors(passwordForm, { fields });
    return;
  }
  setBusy(passwordForm, true, 'Changing password…');
  try {
    await changePassword({ currentPassword, newPassword, revokeOtherSessions: revokeOthers });
    passwordForm.reset();
    passwordForm.elements.revokeOtherSessions.checked = revokeOthers;
    passwordForm.querySelector('.form-success').textContent = revokeOthers
      ? 'Your password has been changed and your other devices have been signed out.'
      : 'Your password has been changed.';
    if (revokeOthers) {
      // The gateway replaced this device's session too: pick up the new one.
      current = (await getSession().catch(() => null)) ?? current;
      await refreshToken().catch(() => {});
    }
    await loadSessions();
  } catch (error) {
    if (!(error instanceof SessionEndedError)) {
      showFormErrors(passwordForm, describeAuthError(error, { passwordField: 'newPassword' }));
    }
  } finally {
    setBusy(passwordForm, false);
  }
}

async function loadSessions() {
  const status = $('sessions-status');
  let sessions;
  try {
    sessions = await listSessions();
  } catch (error) {
    if (!(error instanceof SessionEndedError)) {
      status.textContent = error.code === 'SESSION_NOT_FRESH'
        ? 'For your security, sign out and sign in again to see and manage your devices.'
        : `Couldn't load your sessions. ${describeAuthError(error).form}`;
    }
    return;
  }
  sessions.sort((a, b) => (isCurrent(b) - isCurrent(a)) || b.updatedAt.localeCompare(a.updatedAt));
  $('session-list').replaceChildren(...sessions.map(renderSession));
  const others = sessions.filter((session) => !isCurrent(session)).length;
  status.textContent = others === 0
    ? 'You are signed in on this device only.'
    : `You are signed in on ${others + 1} devices or browsers.`;
  $('revoke-others').hidden = others === 0;
}

function renderSession(session) {
  const mine = isCurrent(session);
  const device = describeDevice(session.userAgent);
  return h('li', { class: `session${mine ? ' is-current' : ''}` },
    h('div', { class: 'session-body' },
      h('p', { class: 'session-device' }, device, mine ? h('span', { class: 'badge badge-current' }, 'This device') : null),
      h('p', { class: 'session-meta' },
        `IP address ${session.ipAddress || 'unknown'} · Last active ${formatRelative(session.updatedAt)} · Signed in ${formatDateTime(session.createdAt)}`)),
    mine ? null : h('button', {
      type: 'button',
      class: 'button button-secondary button-small',
      onclick: (event) => revoke(session, device, event.currentTarget),
    }, 'Sign out', h('span', { class: 'visually-hidden' }, ` ${device}, last active ${formatRelative(session.updatedAt)}`)));
}

async function revoke(session, device, button) {
  button.disabled = true;
  try {
    await revokeSession(session.token);
    toast(`Signed out ${device}.`, { timeout: 4000 });
    await loadSessions();
    $('sessions-heading').focus();
  } catch (error) {
    button.disabled = false;
    if (!(error instanceof SessionEndedError)) {
      toast(`Couldn't sign out that device. ${describeAuthError(error).form}`, { tone: 'error' });
    }
  }
}

async function signOutOthers(event) {
  const button = event.currentTarget;
  button.disabled = true;
  try {
    await revokeOtherSessions();
    toast('Your other devices have been signed out.', { timeout: 4000 });
    await loadSessions();
  } catch (error) {
    if (!(error instanceof SessionEndedError)) {
      toast(`Couldn't sign out your other devices. ${describeAuthError(error).form}`, { tone: 'error' });
    }
  } finally {
    button.disabled = false;
  }
}

function isCurrent(session) {
  return session.id === current.session.id || session.token === current.session.token;
}

/** "Chrome on Linux" from a User-Agent string; good enough to tell devices apart. */
function describeDevice(userAgent) {
  if (!userAgent) {
    return 'Unknown device';
  }
  const browsers = [[/Edg\//, 'Edge'], [/OPR\//, 'Opera'], [/Firefox\//, 'Firefox'], [/HeadlessChrome\//, 'Headless Chrome'],
    [/Chrome\//, 'Chrome'], [/Safari\//, 'Safari'], [/curl\//, 'curl']];
  const systems = [[/Android/, 'Android'], [/iPhone|iPad|iPod/, 'iOS'], [/Windows/, 'Windows'], [/Mac OS X|Macintosh/, 'macOS'],
    [/CrOS/, 'ChromeOS'], [/Linux/, 'Linux']];
  const browser = browsers.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = systems.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (browser && system) {
    return `${browser} on ${system}`;
  }
  return browser ?? system ?? userAgent.slice(0, 60);
}

// ---- two-step sign-in (TOTP and backup codes) ----

function showTwoFactor(enabled) {
  $('two-factor-status').textContent = enabled
    ? 'On: signing in asks for a code from your authenticator app.'
    : 'Off: your password alone signs you in.';
  $('two-factor-enable-form').hidden = enabled;
  $('two-factor-manage').hidden = !enabled;
  if (enabled) {
    $('two-factor-setup').hidden = true;
  }
}

function setUpTwoFactor() {
  showTwoFactor(Boolean(current.user.twoFactorEnabled));
  const enableForm = $('two-factor-enable-form');
  const confirmForm = $('two-factor-confirm-form');
  const manageForm = $('backup-codes-form');

  handleSubmit(enableForm, async () => {
    clearFormErrors(enableForm);
    const password = enableForm.elements.password.value;
    if (!password) {
      showFormErrors(enableForm, { fields: { password: 'Enter your password.' } });
      return;
    }
    setBusy(enableForm, true, 'Setting up…');
    try {
      const { backupCodes } = await enableTwoFactor(password);
      const { svg, key } = await twoFactorQrCode(password);
      enableForm.reset();
      enableForm.hidden = true;
      $('two-factor-qr').src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
      $('two-factor-key').textContent = key.replace(/(.{4})/g, '$1 ').trim();
      $('two-factor-setup').hidden = false;
      showBackupCodes(backupCodes);
      confirmForm.elements.code.focus();
    } catch (error) {
      if (!(error instanceof SessionEndedError)) {
        showFormErrors(enableForm, describeAuthError(error));
      }
    } finally {
      setBusy(enableForm, false);
    }
  });

  handleSubmit(confirmForm, async () => {
    clearFormErrors(confirmForm);
    const code = confirmForm.elements.code.value.replace(/\s+/g, '');
    if (!code) {
      showFormErrors(confirmForm, { fields: { code: 'Enter the code your app shows.' } });
      return;
    }
    setBusy(confirmForm, true, 'Checking…');
    try {
      await verifyTotp(code);
      confirmForm.reset();
      current.user.twoFactorEnabled = true;
      showTwoFactor(true);
      toast('Two-step sign-in is on.', { timeout: 4000 });
      $('two-factor-heading').focus();
    } catch (error) {
      if (!(error instanceof SessionEndedError)) {
        showFormErrors(confirmForm, describeAuthError(error));
      }
    } finally {
      setBusy(confirmForm, false);
    }
  });

  handleSubmit(manageForm, async () => {
    await withManagePassword('Creating…', async (password) => {
      const { backupCodes } = await generateBackupCodes(password);
      showBackupCodes(backupCodes);
      toast('New backup codes created; the old ones no longer work.', { timeout: 4000 });
    });
  });

  $('two-factor-disable').addEventListener('click', async () => {
    await withManagePassword('Turning off…', async (password) => {
      await disableTwoFactor(password);
      current.user.twoFactorEnabled = false;
      $('backup-codes').hidden = true;
      showTwoFactor(false);
      toast('Two-step sign-in is off.', { timeout: 4000 });
    });
  });

  $('copy-backup-codes').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(backupCodesText());
      toast('Backup codes copied.', { timeout: 3000 });
    } catch {
      toast("Couldn't copy. Select the codes and copy them yourself.", { tone: 'error' });
    }
  });

  $('download-backup-codes').addEventListener('click', () => {
    const link = h('a', {
      href: URL.createObjectURL(new Blob([backupCodesText()], { type: 'text/plain' })),
      download: 'todoclean-backup-codes.txt',
    });
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });
}

/** Runs `action` with the password of the manage form, showing its errors there. */
async function withManagePassword(busyLabel, action) {
  const form = $('backup-codes-form');
  clearFormErrors(form);
  const password = form.elements.password.value;
  if (!password) {
    showFormErrors(form, { fields: { password: 'Enter your password.' } });
    return;
  }
  setBusy(form, true, busyLabel);
  try {
    await action(password);
    form.reset();
  } catch (error) {
    if (!(error instanceof SessionEndedError)) {
      showFormErrors(form, describeAuthError(error));
    }
  } finally {
    setBusy(form, false);
  }
}

function showBackupCodes(codes) {
  $('backup-code-list').replaceChildren(...codes.map((code) => h('li', {}, h('code', {}, code))));
  $('backup-codes').hidden = false;
}

function backupCodesText() {
  return [...$('backup-code-list').querySelectorAll('code')].map((code) => code.textContent).join('\n') + '\n';
}
