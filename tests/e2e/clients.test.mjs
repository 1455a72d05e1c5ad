// End-to-end: clients in the real app, on a real embedded database.

import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import { By, Key, until } from 'selenium-webdriver';
import { Driver, TIMEOUT, clientsInDb, exportedClients, tempDataDir } from './harness.mjs';

let driver;
let app;
const dataDir = tempDataDir();

before(async () => {
  driver = await Driver.start();
  app = await driver.launch(dataDir);
});

afterEach(async (t) => {
  await app?.screenshot(t.name).catch(() => {});
});

after(async () => {
  await app?.quit().catch(() => {});
  driver?.stop();
});

async function createClient(fields) {
  await app.click('nav-clients');
  await app.click('new-client');
  await app.type('client-name', fields.name);
  if (fields.email) await app.type('client-email', fields.email);
  if (fields.phone) await app.type('client-phone', fields.phone);
  if (fields.dob) await app.type('client-dob', fields.dob);
  await app.click('client-save');
}

/** Opens a client's page by clicking its row in the client list. */
async function openFromList(name) {
  await app.click('nav-clients');
  const cell = await app.driver.wait(
    until.elementLocated(By.xpath(`//*[@data-testid="client-row"][contains(., "${name}")]//td[1]`)),
    TIMEOUT,
  );
  await cell.click();
  await app.waitForText('client-detail-name', name);
}

test('the window is titled Spotter', async () => {
  assert.equal(await app.driver.getTitle(), 'Spotter');
});

test('create a client through the UI', async () => {
  await createClient({ name: 'Zoë Łukasiewicz', email: 'zoe@example.pl', phone: '+48 501 222 333', dob: '1988-09-03' });
  await app.waitForText('client-detail-name', 'Zoë Łukasiewicz');
  await app.click('nav-clients');
  await app.waitForRows(['Zoë Łukasiewicz']);

  const stored = clientsInDb(dataDir);
  assert.equal(stored.length, 1);
  assert.equal(stored[0].email, 'zoe@example.pl');
  assert.equal(stored[0].dateOfBirth, '1988-09-03');
});

test('an invalid email shows the error at the field and saves nothing', async () => {
  await app.click('nav-clients');
  await app.click('new-client');
  await app.type('client-name', 'José Núñez');
  await app.type('client-email', 'jose@');
  await app.click('client-save');
  await app.waitForText('client-email-error', /Email 'jose@' is not valid/);
  // The form keeps what was typed.
  assert.equal(await (await app.el('client-name')).getAttribute('value'), 'José Núñez');
  assert.equal(clientsInDb(dataDir).length, 1, 'nothing was written');

  // Fixing the field saves.
  await app.type('client-email', 'jose@example.es');
  await app.click('client-save');
  await app.waitForText('client-detail-name', 'José Núñez');
  assert.equal(clientsInDb(dataDir).length, 2);
});

test('search finds a client as you type', async () => {
  await app.click('nav-clients');
  await app.waitForRows(['José Núñez', 'Zoë Łukasiewicz']);
  await app.type('client-search', 'luka');
  await app.waitForRows(['Zoë Łukasiewicz']);
  await app.type('client-search', 'jose@exa');
  await app.waitForRows(['José Núñez']);
  await app.type('client-search', 'nobody-like-this');
  await app.el('clients-no-match');
  await app.type('client-search', '');
  await app.waitForRows(['José Núñez', 'Zoë Łukasiewicz']);
});

test('Ctrl+K jumps to a client', async () => {
  const body = await app.driver.findElement(By.css('body'));
  await body.sendKeys(Key.chord(Key.CONTROL, 'k'));
  await app.type('spotlight-search', 'nunez');
  // Choose the first result with the keyboard.
  await (await app.el('spotlight-search')).sendKeys(Key.ARROW_DOWN, Key.ENTER);
  await app.waitForText('client-detail-name', 'José Núñez');
});

test('delete, then undo', async () => {
  await openFromList('José Núñez');
  await app.click('client-delete');
  await app.click('undo-delete');
  await app.click('nav-clients');
  await app.waitForRows(['José Núñez', 'Zoë Łukasiewicz']);
  const all = exportedClients(dataDir);
  assert.equal(all.length, 2);
  assert.ok(all.every((c) => c.deletedAt === null), 'the undo cleared the tombstone');
});

test('delete without undo removes the client (as a tombstone)', async () => {
  await openFromList('José Núñez');
  await app.click('client-delete');
  await app.click('nav-clients');
  await app.waitForRows(['Zoë Łukasiewicz']);
  assert.deepEqual(clientsInDb(dataDir).map((c) => c.name), ['Zoë Łukasiewicz']);
  const jose = exportedClients(dataDir).find((c) => c.name === 'José Núñez');
  assert.ok(jose?.deletedAt, 'the row is kept as a tombstone with deletedAt set');
});

test('quit and relaunch on the same data directory keeps the client', async () => {
  await app.quit();
  app = await driver.launch(dataDir);
  await app.click('nav-clients');
  await app.waitForRows(['Zoë Łukasiewicz']);
  await app.click('nav-settings');
  await app.waitForText('settings-data-dir', dataDir);
});
