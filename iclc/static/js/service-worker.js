/* ICLC 2015: the programme offline (docs/performance.md, "Reading offline").

   Served at /sw.js by pages/offline/views.py, which puts `self.OFFLINE` (the
   addresses below, the version) before this file. Plain JavaScript, nothing
   loaded from elsewhere.

   What it keeps, in four stores:
   - shell-<version>: styles, scripts, the font and the offline page of each
     language, stored when it installs, and the site's other static files as
     the kept pages ask for them;
   - pages-<version>: the programme, its days, every session and the venues in
     every language (the site's list, OFFLINE.list), and the list itself;
     stored at the first visit to any of them;
   - images: one size of each image of those pages: the one the browser asked
     for when it showed the page, else the `<img src>` (the smallest JPEG);
     offline, an image asked for in another size or format is answered with
     the stored one. At most OFFLINE.imageLimit, the oldest dropped first;
   - state: whether this browser is an editor's (see below).
   A new version of this worker (a deploy) stores everything anew and drops
   the old stores.

   How pages are answered:
   - a kept page: from the store at once, while it is fetched again in the
     background and the stored copy replaced (stale-while-revalidate); then the
     list is asked for (a small request, usually "not modified"): when its
     version (the site's content generation) moved, every page is fetched
     again, and pages gone from the list are dropped;
   - any other page: from the network; offline, the offline page in the
     language of the address.

   Never stored: anything but GET, the admin and previews, documents, search,
   pages with a query string, files (calendars, PDFs, data: left alone), and anything fetched with the visitor's cookies:
   every copy is fetched by the worker itself without them (credentials
   "omit"), so no editor's page (drafts, the user bar) and nothing of a session
   is ever kept. A browser seen in the admin is an editor's: its pages come
   from the network first (the stored copies kept fresh all the same) for as
   long as a session lasts (after signing out, pages still come from the
   network first until then: fresher, never stored with the user bar). */
"use strict";

const CONFIG = self.OFFLINE;
const PREFIX = "iclc-offline-";
const SHELL = PREFIX + "shell-" + CONFIG.version;
const PAGES = PREFIX + "pages-" + CONFIG.version;
const IMAGES = PREFIX + "images";
const STATE = PREFIX + "state";
const STATE_KEY = "/offline/state";
// The list is asked for again at most this often (after each navigation).
const CHECK_INTERVAL_MS = 5000;
// Pages fetched at once when the whole list is stored.
const PARALLEL = 3;

let lastCheck = 0;
let checking = null;
let listed = null; // Set of the kept paths, read from the stored list

function path(url) {
  return new URL(url, self.location.origin).pathname;
}

function anonymous(url, cacheMode) {
  return new Request(new URL(url, self.location.origin).href, {
    credentials: "omit",
    cache: cacheMode || "no-cache",
    redirect: "follow",
  });
}

function storable(response, type) {
  if (!response || response.status !== 200 || response.redirected || response.type !== "basic") {
    return false;
  }
  const control = (response.headers.get("Cache-Control") || "").toLowerCase();
  if (/no-store|private/.test(control)) return false;
  return !type || (response.headers.get("Content-Type") || "").startsWith(type);
}

function languageOf(url) {
  const first = path(url).split("/")[1];
  return Object.prototype.hasOwnProperty.call(CONFIG.offline, first) ? first : CONFIG.defaultLanguage;
}

function neverStored(url) {
  const pathname = path(url);
  return CONFIG.never.some((prefix) => pathname.startsWith(prefix));
}

// State: whether this browser is an editor's (kept in a store of its own, as the
// worker stops when idle).
async function readState() {
  const response = await (await caches.open(STATE)).match(STATE_KEY);
  return response ? response.json() : {};
}

async function writeState(state) {
  const body = JSON.stringify(state);
  await (await caches.open(STATE)).put(
    STATE_KEY,
    new Response(body, { headers: { "Content-Type": "application/json" } })
  );
}

async function isEditor() {
  const state = await readState();
  return Boolean(state.editorSince) && Date.now() - state.editorSince < CONFIG.editorSeconds * 1000;
}

// The list ------------------------------------------------------------------

function addressesOf(list) {
  const addresses = new Set();
  for (const entry of list.pages) {
    for (const url of Object.values(entry.urls)) addresses.add(url);
  }
  return addresses;
}

async function storedList(cache) {
  const response = await cache.match(CONFIG.list);
  return response ? response.json() : null;
}

async function listedPaths() {
  if (!listed) {
    const list = await storedList(await caches.open(PAGES));
    if (list) listed = addressesOf(list);
  }
  return listed || new Set();
}

/* Fetch a page again and replace its stored copy; its HTML, or "" when it
   was not stored. */
async function refreshPage(cache, url) {
  const response = await fetch(anonymous(url));
  if (storable(response, "text/html")) {
    const html = await response.clone().text();
    await cache.put(url, response);
    return html;
  }
  if (response.status === 404 || response.status === 410) await cache.delete(url);
  return "";
}

/* Fetch a page and keep one size of each of its images: the `<img src>`
   (the smallest JPEG), unless the browser already stored one it showed. */
async function storePage(cache, url) {
  const html = await refreshPage(cache, url);
  if (html) await storeImagesOf(html);
}

async function inTurn(items, parallel, work) {
  const queue = Array.from(items);
  const workers = [];
  for (let i = 0; i < parallel; i += 1) {
    workers.push(
      (async () => {
        while (queue.length) {
          const item = queue.shift();
          try {
            await work(item);
          } catch (error) {
            // Offline or a failed page: it is tried again at the next check.
          }
        }
      })()
    );
  }
  await Promise.all(workers);
}

/* Ask for the list; store the pages it names. Every page when its version moved
   (or when `everything`), else only those missing from the store. The list is
   stored last: a check cut short is done again. Pages that left the list (an
   unpublished session) are dropped. */
async function syncPages(everything) {
  const cache = await caches.open(PAGES);
  const response = await fetch(anonymous(CONFIG.list));
  if (!storable(response, "application/json")) return;
  const list = await response.clone().json();
  const before = await storedList(cache);
  const moved = everything || !before || before.version !== list.version;
  const addresses = addressesOf(list);
  const stored = new Set((await cache.keys()).map((request) => path(request.url)));
  const wanted = Array.from(addresses).filter((url) => moved || !stored.has(url));
  await inTurn(wanted, PARALLEL, (url) => storePage(cache, url));
  for (const url of stored) {
    if (!addresses.has(url) && url !== CONFIG.list) await cache.delete(url);
  }
  await cache.put(CONFIG.list, response);
  listed = addresses;
}

function checkList() {
  if (checking || Date.now() - lastCheck < CHECK_INTERVAL_MS) return checking || Promise.resolve();
  lastCheck = Date.now();
  checking = syncPages(false)
    .catch(() => {
      lastCheck = 0; // offline: ask again at the next navigation
    })
    .finally(() => {
      checking = null;
    });
  return checking;
}

// Installing and taking over -----------------------------------------------

/* Whether an earlier version of this worker had stored the pages. */
async function hadPages() {
  for (const name of await caches.keys()) {
    if (name.startsWith(PREFIX + "pages-") && name !== PAGES) {
      if ((await (await caches.open(name)).keys()).length > 1) return true;
    }
  }
  return false;
}

/* The shell must be stored whole, or the worker is not installed. The pages are
   stored when a window shows one of them (the first visit to the programme)
   or when an earlier version had them; a visitor who never opens the
   programme gets only the list. */
async function install() {
  const shell = await caches.open(SHELL);
  const files = CONFIG.shell.concat(Object.values(CONFIG.offline));
  await shell.addAll(files.map((url) => anonymous(url)));
  try {
    const response = await fetch(anonymous(CONFIG.list));
    if (!storable(response, "application/json")) return;
    const list = await response.clone().json();
    const addresses = addressesOf(list);
    const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
    const pages = await caches.open(PAGES);
    if (windows.some((client) => addresses.has(path(client.url))) || (await hadPages())) {
      await inTurn(addresses, PARALLEL, (url) => storePage(pages, url));
    }
    await pages.put(CONFIG.list, response);
    listed = addresses;
  } catch (error) {
    // Offline while installing: the pages are stored at the next visit.
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(install().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keep = [SHELL, PAGES, IMAGES, STATE];
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && !keep.includes(name)) await caches.delete(name);
      }
      await self.clients.claim();
    })()
  );
});

// Answering ----------------------------------------------------------------

async function offlinePage(url) {
  const shell = await caches.open(SHELL);
  const page = await shell.match(CONFIG.offline[languageOf(url)], { ignoreVary: true });
  return page || Response.error();
}

async function navigate(event) {
  const request = event.request;
  const url = new URL(request.url);
  const kept = !url.search && !neverStored(url) && (await listedPaths()).has(url.pathname);
  const cache = await caches.open(PAGES);
  const stored = kept ? await cache.match(url.pathname, { ignoreVary: true }) : undefined;
  if (await isEditor()) {
    // The editor's own page (drafts, the user bar), never stored; the stored
    // copies are kept fresh all the same, fetched without the editor's cookies.
    try {
      const response = await fetch(request);
      if (kept) event.waitUntil(checkList());
      return response;
    } catch (error) {
      return stored || offlinePage(url);
    }
  }
  if (stored) {
    event.waitUntil(
      refreshPage(cache, url.pathname)
        .catch(() => {})
        .then(checkList)
    );
    return stored;
  }
  try {
    const response = await fetch(request);
    // A kept page not stored yet (the first visit to the programme, a new
    // session): store the list's pages.
    if (kept) event.waitUntil(checkList());
    return response;
  } catch (error) {
    return offlinePage(url);
  }
}

async function staticFile(event) {
  const request = event.request;
  const shell = await caches.open(SHELL);
  const stored = await shell.match(request, { ignoreVary: true, ignoreSearch: true });
  const fresh = fetch(request).then(async (response) => {
    if (storable(response)) await shell.put(request, response.clone());
    return response;
  });
  if (stored) {
    event.waitUntil(fresh.catch(() => {}));
    return stored;
  }
  return fresh;
}

// Images ---------------------------------------------------------------------

const PICTURE = /<picture\b[\s\S]*?<\/picture>|<img\b[^>]*>/gi;
const IMG = /<img\b[^>]*>/i;
const SRC = /\ssrc="([^"]+)"/i;
const SRCSET = /\ssrcset="([^"]+)"/gi;

/* The images of a page: for each, the addresses of its sizes and formats
   (`<picture>` sources and `srcset`s), its `<img src>` first. */
function imageGroups(html) {
  const groups = [];
  for (const [block] of html.matchAll(PICTURE)) {
    const img = block.match(IMG);
    const src = img && img[0].match(SRC);
    if (!src) continue;
    const urls = [src[1]];
    for (const [, set] of block.matchAll(SRCSET)) {
      for (const candidate of set.split(",")) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url) urls.push(url);
      }
    }
    const ours = urls
      .map((url) => url.replace(/&amp;/g, "&"))
      .filter((url) => path(url).startsWith(CONFIG.imagesUrl));
    if (ours.length) groups.push(ours);
  }
  return groups;
}

async function storedSize(cache, group) {
  for (const url of group) {
    const found = await cache.match(url, { ignoreVary: true });
    if (found) return found;
  }
  return undefined;
}

async function putImage(cache, key, response) {
  const size = Number(response.headers.get("Content-Length") || 0);
  if (size > CONFIG.imageMaxBytes) return;
  const blob = await response.blob();
  if (blob.size > CONFIG.imageMaxBytes) return;
  await cache.put(key, new Response(blob, { headers: response.headers }));
}

async function storeImagesOf(html) {
  const cache = await caches.open(IMAGES);
  for (const group of imageGroups(html)) {
    if (await storedSize(cache, group)) continue;
    const response = await fetch(anonymous(group[0], "default"));
    if (storable(response, "image/")) await putImage(cache, group[0], response);
  }
  await trimImages(cache);
}

async function trimImages(cache) {
  const keys = await cache.keys();
  for (let i = 0; i < keys.length - CONFIG.imageLimit; i += 1) await cache.delete(keys[i]);
}

async function fromKeptPage(request) {
  if (!request.referrer) return false;
  const referrer = new URL(request.referrer);
  return referrer.origin === self.location.origin && !referrer.search &&
    (await listedPaths()).has(referrer.pathname);
}

/* Offline, an image not stored in the size or format asked for: another size
   of the same image that is, found through the stored page that shows it. */
async function anotherSize(cache, request) {
  if (!(await fromKeptPage(request))) return undefined;
  const page = await (await caches.open(PAGES)).match(path(request.referrer), { ignoreVary: true });
  if (!page) return undefined;
  const wanted = path(request.url);
  for (const group of imageGroups(await page.text())) {
    if (group.some((url) => path(url) === wanted)) return storedSize(cache, group);
  }
  return undefined;
}

/* Images: from the store, else from the network, kept when a stored page
   showed them (as many as CONFIG.imageLimit, the oldest dropped first). */
async function image(event) {
  const request = event.request;
  const cache = await caches.open(IMAGES);
  const stored = await cache.match(request, { ignoreVary: true });
  if (stored) return stored;
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    const other = await anotherSize(cache, request);
    if (other) return other;
    throw error;
  }
  if (storable(response, "image/") && (await fromKeptPage(request))) {
    const copy = response.clone();
    event.waitUntil(
      putImage(cache, request.url, copy)
        .then(() => trimImages(cache))
        .catch(() => {})
    );
  }
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/admin/")) {
    // The admin is never answered here, not even passed through: its form
    // posts (saving, publishing) must reach the server untouched. Opening an
    // admin page marks this browser as an editor's.
    if (request.mode === "navigate" && request.method === "GET") {
      event.waitUntil(writeState({ editorSince: Date.now() }));
    }
    return;
  }
  if (request.method !== "GET" || CONFIG.bypass.some((prefix) => url.pathname.startsWith(prefix))) {
    return; // the browser's own request, untouched
  }
  if (request.mode !== "navigate" && request.referrer &&
      CONFIG.bypass.some((prefix) => path(request.referrer).startsWith(prefix))) {
    return; // what the admin's pages load
  }
  if (request.mode === "navigate") {
    // Pages end in "/"; the rest are files (calendars, PDFs, data), downloads.
    if (url.pathname.endsWith("/")) event.respondWith(navigate(event));
  } else if (url.pathname.startsWith(CONFIG.staticUrl) && !neverStored(url)) {
    event.respondWith(staticFile(event));
  } else if (url.pathname.startsWith(CONFIG.imagesUrl)) {
    event.respondWith(image(event));
  }
});
