import { signUp } from '../auth.js';
import { setUpAuthForm } from '../auth-form.js';

setUpAuthForm({
  form: document.getElementById('sign-up-form'),
  otherPage: '/sign-in',
  read: (elements) => ({
    name: elements.name.value.trim(),
    email: elements.email.value.trim(),
    password: elements.password.value,
  }),
  required: { name: 'Enter your name.', email: 'Enter your email address.', password: 'Choose a password.' },
  busyLabel: 'Creating your account…',
  submit: signUp,
});
