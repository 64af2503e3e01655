// Material's own search worker, run in Node on a built site, for a tuning loop that answers
// in seconds: no browser, no typing, the same worker file, lunr.id and search_index.json
// the site ships. Written by hand because no library runs a Web Worker's importScripts
// script in Node: a vm context stands in for the worker's global scope.
//
//   node benchmarks/search_worker.mjs SITE_DIR < queries.txt   (one query a line)
//
// prints, per query, one JSON line: the result pages (site paths, best first, one per page).
// benchmarks/search_bench.py --fast reads it; the browser rounds stay the measured figures.
import fs from "node:fs"
import path from "node:path"
import vm from "node:vm"

const site = process.argv[2]
if (!site || !fs.existsSync(path.join(site, "search", "search_index.json"))) {
  console.error(`usage: node search_worker.mjs SITE_DIR; expected SITE_DIR/search/search_index.json (got ${site})`)
  process.exit(2)
}
const workers = path.join(site, "assets", "javascripts", "workers")
const script = fs.readdirSync(workers).find((f) => /^search\.[0-9a-f]+\.min\.js$/.test(f))
if (!script) {
  console.error(`${workers}: expected Material's search.<hash>.min.js`)
  process.exit(2)
}

const replies = []
const listeners = []
const context = {
  console,
  postMessage: (message) => replies.push(message),
  addEventListener: (type, fn) => type === "message" && listeners.push(fn),
  importScripts: (...urls) => {
    for (const url of urls) {
      const file = path.resolve(workers, url)
      vm.runInContext(fs.readFileSync(file, "utf-8"), context, { filename: file })
    }
  },
}
context.self = context
vm.createContext(context)
vm.runInContext(fs.readFileSync(path.join(workers, script), "utf-8"), context, { filename: script })

async function send(message) {
  const before = replies.length
  for (const fn of listeners) fn({ data: message })
  while (replies.length === before) await new Promise((r) => setImmediate(r))
  return replies[replies.length - 1]
}

const index = JSON.parse(fs.readFileSync(path.join(site, "search", "search_index.json"), "utf-8"))
// SETUP, as the search box sends it (suggest: the "search.suggest" feature, off here)
await send({ type: 0, data: { config: index.config, docs: index.docs, options: { suggest: false } } })
const lines = fs.readFileSync(0, "utf-8").split("\n").filter((l) => l.trim())
for (const query of lines) {
  const reply = await send({ type: 2, data: query }) // QUERY
  const pages = []
  for (const group of reply.data.items) {
    const page = group[0].location.split("#")[0]
    if (!pages.includes(page)) pages.push(page)
  }
  process.stdout.write(JSON.stringify({ query, pages }) + "\n")
}
