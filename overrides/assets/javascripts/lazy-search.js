/* Lazy search: start Material's search only when the reader is about to search.
 *
 * Material creates its search worker and downloads search/search_index.json (and, through
 * the worker, lunr's language files) on every page load, although most readers never
 * search. overrides/main.html loads this file, deferred, just before Material's bundle
 * (also deferred, so this runs first). It holds back the two things until the reader
 * shows intent: focus in the search field (the search icon, Tab and the "/", "s", "f"
 * shortcuts all focus it), opening the search dialog, or a page opened from a search
 * result (?h=, search highlighting) or with a query (?q=).
 *
 * Hand-written because Material has no setting for it. It wraps only the Worker for
 * Material's search worker and XMLHttpRequest for the search index address; everything
 * else passes through untouched. Without JavaScript nothing changes (search needs it). */
(() => {
  "use strict"

  const waiting = []
  let wanted = false
  const start = () => {
    if (wanted) return
    wanted = true
    for (const run of waiting.splice(0)) run()
  }
  const whenWanted = run => (wanted ? run() : waiting.push(run))

  /* The search worker: a stand-in object until Material posts its first message (which it
   * does only once the index has arrived, so only after start()). */
  const SEARCH_WORKER = /\/workers\/search\.[^/]*\.js$/
  const NativeWorker = window.Worker
  if (typeof NativeWorker === "function") {
    window.Worker = class LazySearchWorker extends EventTarget {
      constructor(url, options) {
        if (!SEARCH_WORKER.test(new URL(url, document.baseURI).pathname))
          return new NativeWorker(url, options)
        super()
        this._args = [url, options]
        this._worker = null
      }
      postMessage(...message) {
        if (!this._worker) {
          this._worker = new NativeWorker(...this._args)
          this._worker.addEventListener("message", event =>
            this.dispatchEvent(new MessageEvent("message", { data: event.data })))
          this._worker.addEventListener("error", () => this.dispatchEvent(new Event("error")))
        }
        this._worker.postMessage(...message)
      }
      terminate() {
        if (this._worker) this._worker.terminate()
      }
    }
  }

  /* The search index request: opened as usual, sent after start(). */
  const INDEX = /\/search\/search_index\.json$/
  const held = new WeakSet()
  const { open, send } = XMLHttpRequest.prototype
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    if (INDEX.test(new URL(url, document.baseURI).pathname)) held.add(this)
    else held.delete(this)
    return open.call(this, method, url, ...rest)
  }
  XMLHttpRequest.prototype.send = function (...body) {
    if (!held.has(this)) return send.apply(this, body)
    whenWanted(() => send.apply(this, body))
  }

  /* Intent to search. */
  const FIELD = "[data-md-component=search-query]"
  document.addEventListener("focusin", event => {
    if (event.target instanceof Element && event.target.matches(FIELD)) start()
  })
  document.addEventListener("change", event => {
    if (event.target instanceof HTMLInputElement && event.target.id === "__search" && event.target.checked) start()
  })
  const params = new URLSearchParams(location.search)
  if (params.has("h") || params.has("q") || document.activeElement?.matches(FIELD)) start()
})()
