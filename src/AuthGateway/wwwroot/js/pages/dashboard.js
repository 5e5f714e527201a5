// The dashboard: the signed-in user's todos with filter, search, sort and paging; add, inline edit, toggle done and
// delete with undo. Changes show at once, marked "Saving…" until the server has them. A new todo or an edit the API
// did not take stays on screen marked "Not saved", with Retry and Discard, so the user's text is never dropped; a
// toggle or delete that fails is rolled back with a message. Writes go out with keepalive (see api.js), and leaving
// the page while one is in flight or unsaved asks first.
import { ApiError, SessionEndedError, api, sendOnLeave, sessionEnded } from '../api.js';
import { boot } from '../shell.js';
import {
  announce, clearFormErrors, dateInputToIso, formatDueDate, h, handleSubmit, isoToDateInput, setBusy, showFormErrors, toast,
  todayKey,
} from '../ui.js';

const PAGE_SIZE = 10;
const LEFT_DELETES_KEY = 'todoclean.leftDeletes'; // see resendLeftDeletes
const SEARCH_DELAY_MS = 300;
const UNDO_MS = 6000;
const STATUSES = ['all', 'open', 'done'];
const SORTS = ['-created', 'created', 'due', 'title'];
const PRIORITIES = [['low', 'Low'], ['normal', 'Normal'], ['high', 'High']];

const $ = (id) => document.getElementById(id);
const addForm = $('add-form');
const list = $('todo-list');
const region = $('todo-region');
const heading = $('list-heading');
const searchInput = $('search');
const sortSelect = $('sort');

const state = readStateFromUrl();
let items = [];
let totals = { totalCount: 0, totalPages: 0 };
let editing = null; // { id, draft, errors }
let loadSequence = 0;
let loadController = null;
let searchTimer = 0;
let tempCounter = 0;
let writesInFlight = 0;
let newTodos = []; // added here, not yet on the server: { ...draft, id: 'new-…', isDone: false, unsaved: null | message }
const saving = new Set(); // ids with a PUT in flight
const failedEdits = new Map(); // id → { before, changes, message, latest }: shown as edited, marked "Not saved"
const pendingDeletes = new Map(); // id → { item }

await boot();
wireControls();
await resendLeftDeletes();
await load();

// ---- loading and rendering ----------------------------------------------------------------------------------------

async function load({ focusHeading = false } = {}) {
  const sequence = ++loadSequence;
  loadController?.abort();
  loadController = new AbortController();
  region.setAttribute('aria-busy', 'true');
  const query = new URLSearchParams({ status: state.status, page: state.page, pageSize: PAGE_SIZE, sort: state.sort });
  if (state.search) {
    query.set('search', state.search);
  }
  try {
    const { data } = await api(`/api/todos?${query}`, { signal: loadController.signal });
    if (sequence !== loadSequence) {
      return;
    }
    if (data.items.length === 0 && state.page > 1) {
      state.page = Math.max(1, data.totalPages);
      syncUrl();
      await load({ focusHeading });
      return;
    }
    items = data.items.map((item) => {
      const failure = failedEdits.get(item.id);
      if (!failure) {
        return item;
      }
      failure.latest = item;
      return { ...failure.before, ...failure.changes };
    });
    totals = { totalCount: data.totalCount, totalPages: data.totalPages };
    editing = null;
    $('list-error').hidden = true;
    render();
    if (focusHeading) {
      heading.focus();
    }
  } catch (error) {
    if (sequence !== loadSequence || error?.name === 'AbortError' || error instanceof SessionEndedError) {
      return;
    }
    showListError(error);
  } finally {
    if (sequence === loadSequence) {
      region.setAttribute('aria-busy', 'false');
    }
  }
}

function render() {
  const focus = focusedControl();
  const shown = items.filter((item) => !pendingDeletes.has(item.id));
  const visible = [...(showsNewestFirst() ? newTodos : []), ...shown];
  list.replaceChildren(...visible.map(renderItem));
  list.dataset.loaded = 'true';

  const filtered = state.status !== 'all' || state.search !== '';
  $('empty-state').hidden = visible.length > 0;
  $('empty-title').textContent = filtered ? 'Nothing matches this view.' : 'You have no todos yet.';
  $('empty-text').textContent = filtered
    ? 'Try another filter or search term.'
    : 'Add your first one above — a title is all it takes.';

  const total = Math.max(0, totals.totalCount - (items.length - shown.length));
  const first = (state.page - 1) * PAGE_SIZE + 1;
  $('list-summary').textContent = total === 0 ? ''
    : totals.totalPages > 1 ? `Showing ${first}–${first + shown.length - 1} of ${total} todos`
      : `${total} ${total === 1 ? 'todo' : 'todos'}`;

  $('pager').hidden = totals.totalPages <= 1;
  $('page-label').textContent = `Page ${state.page} of ${Math.max(1, totals.totalPages)}`;
  $('prev-page').disabled = state.page <= 1;
  $('next-page').disabled = state.page >= totals.totalPages;

  restoreFocus(focus);
}

function renderItem(item) {
  if (editing?.id === item.id) {
    return renderEditor(item, editing.draft ?? item);
  }
  const checkboxId = `todo-${item.id}`;
  const overdue = item.dueAt && !item.isDone && item.dueAt.slice(0, 10) < todayKey();
  const { pending, unsaved } = writeState(item);
  const locked = isNew(item) || unsaved !== null; // nothing to toggle, edit or delete until the server has it
  const classes = ['todo', item.isDone && 'is-done', pending && 'is-pending', unsaved !== null && 'is-unsaved'];
  const named = () => h('span', { class: 'visually-hidden' }, ` “${item.title}”`);
  return h('li', { class: classes.filter(Boolean).join(' '), dataset: { id: item.id }, 'aria-busy': pending ? 'true' : null },
    h('input', {
      type: 'checkbox', id: checkboxId, class: 'todo-check', checked: item.isDone, disabled: locked,
      dataset: { role: 'toggle' }, onchange: (event) => toggle(item.id, event.target),
    }),
    h('div', { class: 'todo-body' },
      h('label', { for: checkboxId, class: 'todo-title' }, item.title),
      item.description ? h('p', { class: 'todo-description' }, item.description) : null,
      h('p', { class: 'todo-meta' },
        pending ? h('span', { class: 'todo-status' }, 'Saving…') : null,
        unsaved !== null ? h('span', { class: 'todo-status is-unsaved' }, `Not saved. ${unsaved}`) : null,
        item.priority !== 'normal'
          ? h('span', { class: `badge badge-${item.priority}` }, item.priority === 'high' ? 'High priority' : 'Low priority')
          : null,
        item.dueAt
          ? h('span', { class: `due${overdue ? ' is-overdue' : ''}` },
            overdue ? `Overdue · due ${formatDueDate(item.dueAt)}` : `Due ${formatDueDate(item.dueAt)}`)
          : null)),
    unsaved !== null
      ? h('div', { class: 'todo-actions' },
        h('button', {
          type: 'button', class: 'button button-small button-primary', dataset: { role: 'retry' }, onclick: () => retry(item.id),
        }, 'Retry', named()),
        h('button', {
          type: 'button', class: 'button button-small button-secondary', dataset: { role: 'discard' }, onclick: () => discard(item.id),
        }, 'Discard', named()))
      : h('div', { class: 'todo-actions' },
        h('button', {
          type: 'button', class: 'button button-small button-secondary', disabled: locked,
          dataset: { role: 'edit' }, onclick: () => startEdit(item.id),
        }, 'Edit', named()),
        h('button', {
          type: 'button', class: 'button button-small button-danger', disabled: locked,
          dataset: { role: 'delete' }, onclick: () => remove(item.id),
        }, 'Delete', named())));
}

function renderEditor(item, draft) {
  const id = item.id;
  const form = h('form', { class: 'edit-form', novalidate: true, 'aria-label': `Edit “${item.title}”` },
    h('div', { class: 'field edit-title' },
      h('label', { for: `edit-title-${id}` }, 'Title'),
      h('input', { id: `edit-title-${id}`, name: 'title', type: 'text', maxlength: '200', required: true, value: draft.title, autocomplete: 'off' })),
    h('div', { class: 'field edit-description' },
      h('label', { for: `edit-description-${id}` }, 'Notes'),
      h('textarea', { id: `edit-description-${id}`, name: 'description', rows: '2', maxlength: '2000' }, draft.description ?? '')),
    h('div', { class: 'field' },
      h('label', { for: `edit-priority-${id}` }, 'Priority'),
      h('select', { id: `edit-priority-${id}`, name: 'priority' },
        PRIORITIES.map(([value, label]) => h('option', { value, selected: value === draft.priority }, label)))),
    h('div', { class: 'field' },
      h('label', { for: `edit-due-${id}` }, 'Due date'),
      h('input', { id: `edit-due-${id}`, name: 'dueAt', type: 'date', value: isoToDateInput(draft.dueAt) })),
    h('p', { class: 'form-error', role: 'alert', tabindex: '-1', hidden: true }),
    h('div', { class: 'edit-actions' },
      h('button', { type: 'submit', class: 'button button-primary button-small' }, 'Save'),
      h('button', { type: 'button', class: 'button button-secondary button-small', onclick: () => cancelEdit(id) }, 'Cancel')));
  handleSubmit(form, () => saveEdit(id, form));
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      cancelEdit(id);
    }
  });
  return h('li', { class: 'todo is-editing', dataset: { id } }, form);
}

function showListError(error) {
  const slot = $('list-error');
  slot.replaceChildren(
    `Couldn't load your todos. ${error.message} `,
    h('button', { type: 'button', class: 'button button-small button-secondary', onclick: () => load() }, 'Try again'));
  slot.hidden = false;
  $('list-summary').textContent = '';
}

// ---- changes ------------------------------------------------------------------------------------------------------

async function addTodo() {
  clearFormErrors(addForm);
  const draft = readDraft(addForm);
  if (!draft.title) {
    showFormErrors(addForm, { fields: { title: 'Enter a title for your todo.' } });
    return;
  }
  addForm.reset();
  setBusy(addForm, true, 'Adding…');
  try {
    // Shown at once only where it will land: the first page of the newest-first, unfiltered view.
    if (showsNewestFirst()) {
      const todo = { ...draft, id: `new-${++tempCounter}`, isDone: false, unsaved: null };
      newTodos.unshift(todo);
      render();
      await saveNew(todo);
    } else {
      await addElsewhere(draft);
    }
  } finally {
    setBusy(addForm, false);
  }
}

/** POSTs a todo that is on screen as "Saving…". If that fails it stays there, "Not saved", with Retry and Discard. */
async function saveNew(todo) {
  const draft = { title: todo.title, description: todo.description, priority: todo.priority, dueAt: todo.dueAt };
  try {
    const { data } = await write('/api/todos', { method: 'POST', body: draft });
    newTodos = newTodos.filter((candidate) => candidate !== todo);
    if (!showsNewestFirst()) {
      await load();
    } else if (findItem(data.id)) {
      render(); // a reload while the POST was on its way has listed (and counted) it already
    } else {
      totals.totalCount += 1;
      totals.totalPages = Math.ceil(totals.totalCount / PAGE_SIZE);
      items = [data, ...items].slice(0, PAGE_SIZE);
      render();
    }
    announce(`Added “${data.title}”.`);
  } catch (error) {
    if (error instanceof SessionEndedError) {
      return;
    }
    if (error instanceof ApiError && Object.keys(error.fields).length) {
      // The API refused the text itself: back into the form, each message beside its field, to be corrected there.
      newTodos = newTodos.filter((candidate) => candidate !== todo);
      render();
      writeDraft(addForm, draft);
      showFormErrors(addForm, { fields: error.fields });
      return;
    }
    todo.unsaved = error.message;
    updateRow(todo);
    toast(`“${todo.title}” wasn't saved. ${error.message}`, { tone: 'error', timeout: 10000 });
  }
}

/** Adds a todo that the current view may not show (another page, filter or order): the form waits for the answer. */
async function addElsewhere(draft) {
  try {
    const { data } = await write('/api/todos', { method: 'POST', body: draft });
    await load();
    announce(`Added “${data.title}”.`);
  } catch (error) {
    if (error instanceof SessionEndedError) {
      return;
    }
    writeDraft(addForm, draft);
    showFormErrors(addForm, error instanceof ApiError && Object.keys(error.fields).length
      ? { fields: error.fields }
      : { form: `Your todo wasn't added. ${error.message}` });
  }
}

async function toggle(id, checkbox) {
  const before = findItem(id);
  if (!before || saving.has(id) || failedEdits.has(id)) {
    checkbox.checked = before?.isDone ?? checkbox.checked;
    return;
  }
  const isDone = checkbox.checked;
  try {
    const saved = await save(before, { isDone });
    updateRow(saved);
  } catch (error) {
    failed(error, before, `Couldn't mark “${before.title}” as ${isDone ? 'done' : 'not done'}.`);
  }
}

function startEdit(id) {
  const item = findItem(id);
  if (!item) {
    return;
  }
  editing = { id, draft: item };
  updateRow(item, 'none');
  rowFor(id)?.querySelector('input[name="title"]')?.focus();
}

function cancelEdit(id) {
  editing = null;
  const item = findItem(id);
  if (item) {
    updateRow(item, 'edit');
  }
}

async function saveEdit(id, form) {
  const before = findItem(id);
  clearFormErrors(form);
  const draft = readDraft(form);
  if (!draft.title) {
    showFormErrors(form, { fields: { title: 'Enter a title.' } });
    return;
  }
  editing = null;
  await saveChanges(before, draft);
}

/**
 * PUTs an edit. Refused as invalid: the editor opens again with the messages. Anything else that is not a conflict
 * or a deleted todo (a server error, no connection): the edit stays on screen, "Not saved", with Retry and Discard.
 */
async function saveChanges(before, changes) {
  const id = before.id;
  failedEdits.delete(id);
  try {
    const saved = await save(before, changes, 'edit');
    updateRow(saved);
  } catch (error) {
    if (error instanceof ApiError && error.status === 400) {
      editing = { id, draft: { ...before, ...changes } };
      updateRow(before, 'none');
      const editor = rowFor(id)?.querySelector('form');
      if (editor) {
        showFormErrors(editor, Object.keys(error.fields).length
          ? { form: 'Your change was not saved.', fields: error.fields }
          : { form: `Your change was not saved. ${error.message}` });
      }
      return;
    }
    if (!(error instanceof ApiError) || error.status === 404 || error.status === 412) {
      failed(error, before, `Couldn't save your changes to “${before.title}”.`);
      return;
    }
    failedEdits.set(id, { before, changes, message: error.message, latest: null });
    updateRow({ ...before, ...changes });
    toast(`Your changes to “${before.title}” weren't saved. ${error.message}`, { tone: 'error', timeout: 10000 });
  }
}

/** Shows the change at once, then PUTs the whole item with If-Match on the version it was based on. */
async function save(before, changes, focusRole) {
  const body = {
    title: before.title, description: before.description, isDone: before.isDone, dueAt: before.dueAt,
    priority: before.priority, ...changes,
  };
  saving.add(before.id);
  updateRow({ ...before, ...changes }, focusRole);
  try {
    const { data } = await write(`/api/todos/${encodeURIComponent(before.id)}`, {
      method: 'PUT', body, headers: { 'If-Match': `"${before.version}"` },
    });
    return data;
  } finally {
    saving.delete(before.id);
  }
}

/** The API refused a change: say so, and put the item back as it is on the server. */
function failed(error, before, message) {
  if (error instanceof SessionEndedError) {
    return;
  }
  if (error instanceof ApiError && error.status === 412) {
    toast('This todo was changed somewhere else, so your change was not saved. Showing the latest version.',
      { tone: 'error', timeout: 10000 });
    reloadItem(before);
  } else if (error instanceof ApiError && error.status === 404) {
    dropItem(before.id);
    toast(`“${before.title}” no longer exists. It may have been deleted somewhere else.`, { tone: 'error', timeout: 10000 });
  } else {
    updateRow(before);
    toast(`${message} ${error.message} Your change was undone.`, { tone: 'error', timeout: 10000 });
  }
}

async function reloadItem(before) {
  try {
    const { data } = await api(`/api/todos/${encodeURIComponent(before.id)}`);
    updateRow(data);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      dropItem(before.id);
    } else if (!(error instanceof SessionEndedError)) {
      updateRow(before);
    }
  }
}

/** Sends a new todo or an edit that was not saved once more. */
function retry(id) {
  const todo = newTodos.find((candidate) => candidate.id === id);
  if (todo) {
    todo.unsaved = null;
    updateRow(todo, 'none');
    heading.focus(); // the row has nothing to focus while it is saving
    saveNew(todo);
    return;
  }
  const failure = failedEdits.get(id);
  if (failure) {
    saveChanges(failure.before, failure.changes);
  }
}

/** Drops a new todo or an edit that was not saved: the list shows what the server has. */
function discard(id) {
  const todo = newTodos.find((candidate) => candidate.id === id);
  if (todo) {
    newTodos = newTodos.filter((candidate) => candidate !== todo);
    render();
    heading.focus();
    return;
  }
  const failure = failedEdits.get(id);
  if (failure) {
    failedEdits.delete(id);
    updateRow(failure.latest ?? failure.before, 'edit');
  }
}

/** Hides the item at once; the DELETE is sent when the undo window closes (timeout, dismiss or leaving the page). */
function remove(id) {
  const item = findItem(id);
  if (!item || pendingDeletes.has(id)) {
    return;
  }
  const row = rowFor(id);
  const neighbour = (row?.nextElementSibling ?? row?.previousElementSibling)?.dataset.id;
  pendingDeletes.set(id, { item });
  render();
  const next = neighbour && rowFor(neighbour)?.querySelector('[data-role="toggle"]');
  (next ?? heading).focus();
  toast(`Deleted “${item.title}”.`, {
    timeout: UNDO_MS,
    actions: [{ label: 'Undo', onClick: () => undoDelete(id) }],
    onClose: (reason) => {
      if (reason !== 'action') {
        commitDelete(id);
      }
    },
  });
}

function undoDelete(id) {
  pendingDeletes.delete(id);
  render();
  rowFor(id)?.querySelector('[data-role="toggle"]')?.focus();
}

async function commitDelete(id) {
  const pending = pendingDeletes.get(id);
  if (!pending) {
    return;
  }
  try {
    await write(`/api/todos/${encodeURIComponent(id)}`, { method: 'DELETE' });
    dropItem(id);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      dropItem(id);
      return;
    }
    pendingDeletes.delete(id);
    if (error instanceof SessionEndedError) {
      return;
    }
    render();
    toast(`Couldn't delete “${pending.item.title}”. ${error.message}`, {
      tone: 'error',
      timeout: 10000,
      actions: [{ label: 'Retry', onClick: () => retryDelete(pending.item) }],
    });
  }
}

function retryDelete(item) {
  if (!findItem(item.id) || pendingDeletes.has(item.id)) {
    return;
  }
  pendingDeletes.set(item.id, { item });
  render();
  heading.focus();
  commitDelete(item.id);
}

function dropItem(id) {
  pendingDeletes.delete(id);
  if (!findItem(id)) {
    return;
  }
  items = items.filter((item) => item.id !== id);
  totals.totalCount = Math.max(0, totals.totalCount - 1);
  totals.totalPages = Math.ceil(totals.totalCount / PAGE_SIZE);
  if (totals.totalCount > (state.page - 1) * PAGE_SIZE + items.length) {
    load(); // pull the next item up from the following page
  } else {
    render();
  }
}

/**
 * Deletes not yet confirmed are sent (again) as the page goes away: those still in their undo window, and those
 * already on their way, whose request may still be waiting for a fresh token. A second DELETE of a todo is harmless.
 */
function flushPendingDeletes() {
  const left = leftDeletes();
  for (const id of pendingDeletes.keys()) {
    sendOnLeave(`/api/todos/${encodeURIComponent(id)}`, 'DELETE');
    left.add(id);
  }
  saveLeftDeletes(left);
  pendingDeletes.clear();
}

// A DELETE sent as the page went away may still be on its way when the dashboard is opened again, and the list would
// show the todo as if it were back. The ids of those deletes (nothing else) wait in sessionStorage; the next dashboard
// in this tab sends them once more and reads the list only after the API has answered them. A second DELETE is harmless.
function leftDeletes() {
  try {
    return new Set(JSON.parse(sessionStorage.getItem(LEFT_DELETES_KEY) ?? '[]'));
  } catch {
    return new Set();
  }
}

function saveLeftDeletes(ids) {
  try {
    if (ids.size > 0) {
      sessionStorage.setItem(LEFT_DELETES_KEY, JSON.stringify([...ids]));
    } else {
      sessionStorage.removeItem(LEFT_DELETES_KEY);
    }
  } catch {
    // No storage (private mode quotas): the deletes were still sent as the page went away.
  }
}

async function resendLeftDeletes() {
  const left = leftDeletes();
  if (left.size === 0) {
    return;
  }
  saveLeftDeletes(new Set());
  await Promise.all([...left].map(async (id) => {
    try {
      await write(`/api/todos/${encodeURIComponent(id)}`, { method: 'DELETE' });
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404) && !(error instanceof SessionEndedError)) {
        toast(`A todo you deleted before leaving the page could not be deleted. ${error.message}`, { tone: 'error', timeout: 10000 });
      }
    }
  }));
}

/** A write through the API (sent with keepalive), counted while it is in flight. */
async function write(path, options) {
  writesInFlight += 1;
  try {
    return await api(path, options);
  } finally {
    writesInFlight -= 1;
  }
}

/** Leaving now would lose something, or leave a write whose outcome nobody will see: the browser asks first. */
function warnBeforeLeaving(event) {
  if ((writesInFlight > 0 || newTodos.length > 0 || failedEdits.size > 0) && !sessionEnded()) {
    event.preventDefault();
    event.returnValue = true; // browsers that predate preventDefault() here
  }
}

// ---- controls, URL and helpers ------------------------------------------------------------------------------------

function wireControls() {
  handleSubmit(addForm, addTodo);
  for (const radio of document.querySelectorAll('input[name="status"]')) {
    radio.checked = radio.value === state.status;
    radio.addEventListener('change', () => {
      state.status = radio.value;
      state.page = 1;
      syncUrl();
      load();
    });
  }
  searchInput.value = state.search;
  searchInput.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(applySearch, SEARCH_DELAY_MS);
  });
  searchInput.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      clearTimeout(searchTimer);
      applySearch();
    }
  });
  sortSelect.value = state.sort;
  sortSelect.addEventListener('change', () => {
    state.sort = sortSelect.value;
    state.page = 1;
    syncUrl();
    load();
  });
  $('prev-page').addEventListener('click', () => goToPage(state.page - 1));
  $('next-page').addEventListener('click', () => goToPage(state.page + 1));
  addEventListener('pagehide', flushPendingDeletes);
  addEventListener('beforeunload', warnBeforeLeaving);
}

function applySearch() {
  const search = searchInput.value.trim();
  if (search === state.search) {
    return;
  }
  state.search = search;
  state.page = 1;
  syncUrl();
  load();
}

function goToPage(page) {
  state.page = Math.max(1, page);
  syncUrl();
  load({ focusHeading: true });
}

function readStateFromUrl() {
  const params = new URLSearchParams(location.search);
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    status: STATUSES.includes(params.get('status')) ? params.get('status') : 'all',
    sort: SORTS.includes(params.get('sort')) ? params.get('sort') : '-created',
    search: (params.get('search') ?? '').trim().slice(0, 200),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** The view lives in the address bar, so a reload (or a shared link) shows the same thing. */
function syncUrl() {
  const params = new URLSearchParams();
  if (state.status !== 'all') params.set('status', state.status);
  if (state.search) params.set('search', state.search);
  if (state.sort !== '-created') params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  const query = params.toString();
  history.replaceState(null, '', query ? `/?${query}` : '/');
}

function readDraft(form) {
  return {
    title: form.elements.title.value.trim(),
    description: form.elements.description.value.trim() || null,
    priority: form.elements.priority.value,
    dueAt: dateInputToIso(form.elements.dueAt.value),
  };
}

function writeDraft(form, draft) {
  form.elements.title.value = draft.title;
  form.elements.description.value = draft.description ?? '';
  form.elements.priority.value = draft.priority;
  form.elements.dueAt.value = isoToDateInput(draft.dueAt);
}

/** The view a new todo lands in: the first page, newest first, nothing filtered out. */
function showsNewestFirst() {
  return state.page === 1 && state.status !== 'done' && !state.search && state.sort === '-created';
}

function isNew(item) {
  return newTodos.includes(item);
}

/** Where an item stands with the server: a write in flight (`pending`), or the message of one that failed (`unsaved`). */
function writeState(item) {
  if (isNew(item)) {
    return { pending: item.unsaved === null, unsaved: item.unsaved };
  }
  return { pending: saving.has(item.id), unsaved: failedEdits.get(item.id)?.message ?? null };
}

function findItem(id) {
  return items.find((item) => item.id === id);
}

function rowFor(id) {
  return list.querySelector(`li[data-id="${CSS.escape(id)}"]`);
}

/** Re-renders one row, keeping keyboard focus on the same control (or `focusRole`'s; 'none' leaves it alone). */
function updateRow(item, focusRole) {
  const index = items.findIndex((candidate) => candidate.id === item.id);
  if (index >= 0) {
    items[index] = item;
  }
  const row = rowFor(item.id);
  if (!row) {
    return;
  }
  const role = focusRole ?? (row.contains(document.activeElement) ? document.activeElement.dataset.role : null);
  const fresh = renderItem(item);
  row.replaceWith(fresh);
  if (role && role !== 'none') {
    fresh.querySelector(`[data-role="${role}"]`)?.focus();
  }
}

function focusedControl() {
  const active = document.activeElement;
  const row = active && list.contains(active) ? active.closest('li[data-id]') : null;
  return row ? { id: row.dataset.id, role: active.dataset.role } : null;
}

function restoreFocus(focus) {
  if (focus?.role && !list.contains(document.activeElement)) {
    rowFor(focus.id)?.querySelector(`[data-role="${focus.role}"]`)?.focus();
  }
}
