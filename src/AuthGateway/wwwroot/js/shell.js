// What every signed-in page shares: the first JWT, the header (who is signed in, sign-out), the connection banner,
// and following a sign-out made in another tab.
import { onConnectionChange, startSession } from './api.js';
import { followSignOutInOtherTabs, signOut } from './auth.js';
import { toast } from './ui.js';

/** Boots a signed-in page; resolves to the user's claims (or never, when the visitor is sent to sign-in). */
export async function boot() {
  const banner = document.getElementById('connection-banner');
  onConnectionChange((state) => {
    banner.hidden = state !== 'gateway-down';
    banner.textContent = state === 'gateway-down' ? "Can't reach the sign-in service — retrying…" : '';
  });
  followSignOutInOtherTabs();
  for (const button of document.querySelectorAll('[data-action="sign-out"]')) {
    button.addEventListener('click', () => onSignOut(button));
  }

  const claims = await startSession();
  showUser(claims);
  document.body.classList.remove('booting');
  return claims;
}

export function showUser({ name, email }) {
  const label = document.getElementById('user-name');
  label.textContent = name || email;
  label.title = email ?? '';
}

async function onSignOut(button) {
  button.disabled = true;
  try {
    await signOut();
  } catch {
    button.disabled = false;
    toast("Couldn't sign you out because the sign-in service can't be reached. Please try again.", { tone: 'error' });
  }
}
