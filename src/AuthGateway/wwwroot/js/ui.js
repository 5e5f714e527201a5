// Small DOM helpers shared by the pages: element building, form messages, busy buttons, toasts, dates.

/** Builds an element. Strings become text (never HTML); `attrs` keys starting with "on" become listeners. */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'class') {
      element.className = value;
    } else if (key === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (key in element && typeof value !== 'string') {
      element[key] = value;
    } else {
      element.setAttribute(key, value === true ? '' : value);
    }
  }
  element.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

/** Shows (or with an empty message clears) the inline message of one input, wired with aria-invalid/-describedby. */
export function setFieldError(input, message) {
  const id = `${input.id}-error`;
  let slot = document.getElementById(id);
  if (!slot && message) {
    slot = h('p', { id, class: 'field-error' });
    (input.closest('.field') ?? input.parentElement).append(slot);
  }
  const describedBy = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && x !== id);
  if (message) {
    slot.textContent = message;
    slot.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    describedBy.push(id);
  } else {
    if (slot) {
      slot.textContent = '';
      slot.hidden = true;
    }
    input.removeAttribute('aria-invalid');
  }
  if (describedBy.length) {
    input.setAttribute('aria-describedby', describedBy.join(' '));
  } else {
    input.removeAttribute('aria-describedby');
  }
}

/** The form-level message (wrong credentials, network trouble…), an element with role="alert". */
export function setFormMessage(form, message) {
  const slot = form.querySelector('.form-error');
  slot.textContent = message ?? '';
  slot.hidden = !message;
}

export function clearFormErrors(form) {
  for (const input of form.querySelectorAll('[aria-invalid]')) {
    setFieldError(input, '');
  }
  setFormMessage(form, '');
  const success = form.querySelector('.form-success');
  if (success) {
    success.textContent = '';
  }
}

/**
 * Shows `{ form, fields }`: each field message beside its input (unknown fields join the form message) and moves
 * focus to the first field in error so keyboard and screen-reader users land on it.
 */
export function showFormErrors(form, { form: formMessage = '', fields = {} }) {
  const leftovers = [];
  let first = null;
  for (const [name, message] of Object.entries(fields)) {
    const input = form.elements.namedItem(name);
    if (input instanceof HTMLElement && input.id) {
      setFieldError(input, message);
      first ??= input;
    } else {
      leftovers.push(message);
    }
  }
  const combined = [formMessage, ...leftovers].filter(Boolean).join(' ');
  setFormMessage(form, combined);
  if (first) {
    [...form.elements].find((element) => element.getAttribute('aria-invalid') === 'true')?.focus();
  } else if (combined) {
    form.querySelector('.form-error').focus?.();
  }
}

/**
 * Handles a form's submission in script, never natively: a native submission would reload the page with every field
 * (a password too) in the address. The page ships each submit button disabled (`data-until-ready`), so nothing can be
 * submitted — by click or Enter — before this handler is there; it is enabled here.
 */
export function handleSubmit(form, handler) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    return handler(event);
  });
  for (const button of form.querySelectorAll('[type="submit"][data-until-ready]')) {
    button.disabled = false;
    delete button.dataset.untilReady;
  }
}

/** Disables a form's submit button while its request is in flight, with a label saying what is happening. */
export function setBusy(form, busy, busyLabel) {
  const button = form.querySelector('[type="submit"]');
  if (!button) {
    return;
  }
  button.dataset.label ??= button.textContent;
  button.disabled = busy;
  button.textContent = busy && busyLabel ? busyLabel : button.dataset.label;
  form.setAttribute('aria-busy', String(busy));
}

/** Tells screen-reader users what just happened, without anything on screen (the change itself is visible). */
export function announce(message) {
  const region = document.getElementById('announcer');
  region.textContent = '';
  setTimeout(() => {
    region.textContent = message;
  }, 50);
}

/**
 * A message at the bottom of the screen, announced politely (errors assertively). `actions` are buttons such as
 * Undo; `onClose` runs once whenever the toast goes away (timeout, Dismiss or an action).
 */
export function toast(message, { tone = 'info', actions = [], timeout = 6000, onClose } = {}) {
  const region = document.getElementById('toasts');
  let timer = 0;
  let closed = false;
  const close = (reason) => {
    if (closed) {
      return;
    }
    closed = true;
    clearTimeout(timer);
    element.remove();
    onClose?.(reason);
  };
  const element = h('div', { class: `toast toast-${tone}`, role: tone === 'error' ? 'alert' : null },
    h('p', { class: 'toast-message' }, message),
    ...actions.map(({ label, onClick }) => h('button', {
      type: 'button',
      class: 'button button-small button-inverse',
      onclick: () => {
        close('action');
        onClick();
      },
    }, label)),
    h('button', { type: 'button', class: 'toast-dismiss', 'aria-label': 'Dismiss', onclick: () => close('dismiss') }, '×'));
  region.append(element);
  if (timeout) {
    timer = setTimeout(() => close('timeout'), timeout);
  }
  return { close };
}

const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** A due date is a calendar day, stored as midnight UTC. */
export function formatDueDate(iso) {
  return dateFormat.format(new Date(iso));
}

export function formatDateTime(iso) {
  return dateTimeFormat.format(new Date(iso));
}

export function formatRelative(iso) {
  const seconds = Math.round((new Date(iso).getTime() - Date.now()) / 1000);
  const units = [['day', 86400], ['hour', 3600], ['minute', 60]];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) {
      return relativeFormat.format(Math.round(seconds / size), unit);
    }
  }
  return 'just now';
}

/** "2026-11-25" (from <input type=date>) → "2026-11-25T00:00:00.000Z"; empty → null. */
export function dateInputToIso(value) {
  return value ? `${value}T00:00:00.000Z` : null;
}

export function isoToDateInput(iso) {
  return iso ? iso.slice(0, 10) : '';
}

/** Today's calendar day where the user is, as "YYYY-MM-DD". */
export function todayKey() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
