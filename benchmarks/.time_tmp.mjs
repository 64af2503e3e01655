import { openSearch } from "./search_worker.mjs"
import fs from "node:fs"
const [site, file] = process.argv.slice(2)
const queries = fs.readFileSync(file, "utf-8").split("\n").filter(Boolean)
const search = await openSearch(site)
await search.query("akun diblokir")
const times = []
for (const q of queries) { const t = process.hrtime.bigint(); await search.query(q); times.push(Number(process.hrtime.bigint() - t) / 1e6) }
times.sort((a, b) => a - b)
console.log(`n=${times.length} median ${times[times.length >> 1].toFixed(1)} ms p90 ${times[Math.floor(times.length * 0.9)].toFixed(1)} max ${times[times.length - 1].toFixed(1)}`)
