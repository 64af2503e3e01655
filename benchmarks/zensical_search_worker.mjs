// Zensical's own search worker, run in Node on a Zensical build, as benchmarks/search_worker.mjs
// runs Material's: the same worker file and search.json the site ships, no browser. A vm
// context stands in for the worker's global scope (the worker only uses self.onmessage and
// self.postMessage).
//
//   node benchmarks/zensical_search_worker.mjs SITE_DIR < queries.txt   (one query a line)
//
// prints, per query, one JSON line: `rows`, the result rows as the search dialog lists them
// (one row per page or section, best first, site paths without the #section), and `pages`,
// the same with each page kept at its first row only (how Material lists results).
// benchmarks/zensical_search_bench.py reads it.
import fs from "node:fs"
import path from "node:path"
import vm from "node:vm"

const site = process.argv[2]
if (!site || !fs.existsSync(path.join(site, "search.json"))) {
  console.error(`usage: node zensical_search_worker.mjs SITE_DIR; expected SITE_DIR/search.json (got ${site})`)
  process.exit(2)
}
const workers = path.join(site, "assets", "javascripts", "workers")
const script = fs.readdirSync(workers).find((f) => /^search\.[0-9a-f]+\.min\.js$/.test(f))
if (!script) {
  console.error(`${workers}: expected Zensical's search.<hash>.min.js`)
  process.exit(2)
}

const replies = []
const context = { console, Intl, postMessage: (message) => replies.push(message) }
context.self = context
vm.createContext(context)
vm.runInContext(fs.readFileSync(path.join(workers, script), "utf-8"), context, { filename: script })

async function send(message, expected) {
  const before = replies.length
  context.self.onmessage({ data: message })
  while (replies.length === before) await new Promise((r) => setImmediate(r))
  const reply = replies[replies.length - 1]
  if (reply.type !== expected) throw new Error(`worker answered ${JSON.stringify(reply).slice(0, 200)}`)
  return reply
}

// The messages of Zensical's bundle: 0 sets up the index, 2 is a query (the dialog's state,
// no tag filter), 1 and 3 are the answers.
const index = JSON.parse(fs.readFileSync(path.join(site, "search.json"), "utf-8"))
await send({ type: 0, data: index }, 1)
const state = (input) => ({
  input,
  filter: { input: { type: "operator", data: { operator: "and", operands: [] } },
            aggregation: { input: [{ type: "term", data: { field: "tags" } }] } },
})
const lines = fs.readFileSync(0, "utf-8").split("\n").filter((l) => l.trim())
for (const query of lines) {
  const reply = await send({ type: 2, data: state(query) }, 3)
  // Each result names its document by position in search.json (the dialog does the same).
  const rows = reply.data.items.map((item) => index.items[item.id].location.split("#")[0])
  console.log(JSON.stringify({ query, total: reply.data.pagination?.total ?? rows.length,
                               rows, pages: [...new Set(rows)] }))
}
