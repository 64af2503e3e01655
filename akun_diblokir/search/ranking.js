/*
 * lunr.id, part 4 of 4: ranking. The weights of titles, text and the query's words, and
 * the rules that reorder lunr's results, applied in lunr.Index#query (patched here), which
 * Material's worker calls for every search.
 *
 * Defines: rank(builder) (called by lunr.id), the weights, startPageFirst, phraseFirst,
 * weighClauses, the rules of words.yml (rulesFor, applyRules, placeFavoured), namedPageFirst,
 * the ranking floor (aboveFloor) and the no-results answer (noResults); patches
 * lunr.Index#query. Uses: FEATURES, completeShortWords (query.js), WORDS (words.yml: rules,
 * asking_words, reader_pronouns, blocked, negations, shown, no_results), STOP_WORDS,
 * synonyms, trimWord (pipeline.js), stemWord (stemmer.js).
 */

/*
 * Material indexes every page and every section (heading) as a document with a
 * `title` (H1 or heading) and a `text` field, lists one result per page and orders the
 * pages by their best document. Its defaults -- title boost 1000, no length
 * normalisation -- let any heading that shares a word with the query (and the FAQ has
 * a dozen question-shaped ones) beat the text that answers it, and a long section that
 * mentions every word beat a short one about the query. Here, measured on the tuning
 * half of tests/data/search-queries.tsv (benchmarks/search_bench.py):
 * - the title field weighs TITLE_BOOST times the text, not 1000 times;
 * - text is length-normalised with lunr's BM25 `b` (TEXT_B);
 * - each word of the query weighs the RARE_WORD_POWER power of its inverse document
 *   frequency, on top of lunr's own tf-idf (weighClauses): every page here is about
 *   blocked Prakerja accounts, so "akun", "prakerja" and "diblokir" stand in nearly every
 *   document and tell the pages apart far less than the word that does ("slide",
 *   "login", "saldo"), yet plain tf-idf let two of them in a title outweigh it. (Measured
 *   on both batches of the tuning half: top 1 +5 and +3 queries, top 3 +2 and +2.)
 * Tried and left out, as they gained nothing on the tuning half: a higher weight for a
 * page's H1 than for its headings, a bonus for the share of the query's words in a
 * title, a lower weight for the "Sumber" sections, dropping the words most documents
 * hold ("akun", "prakerja") from longer queries; later, adding part of a page's other
 * documents' scores to its best one, a weight per page for the home page, exact (not
 * prefix) matching of the words before the last, and dropping the "Sumber" and
 * "Riwayat perubahan" sections from the index.
 */
var TEXT_B = 0.3
var TITLE_BOOST = 3
var RARE_WORD_POWER = 0.5
var GENERIC_SHARE = 0.4
var START_PAGE_WEIGHT = 2
var PHRASE_BONUS = 0.4
var TITLE_PHRASE_BONUS = 1
var PHRASE_GAP = 3
var PHRASE_FLOOR = 0.1

/*
 * A query made only of words that stand in GENERIC_SHARE of the documents or more
 * ("akun prakerja diblokir", "blokir prakerja", "prakerja kena banned") says no more than
 * "my account is blocked": the home page, which starts the reader on the way (the
 * causes, the channels, the steps), is its answer, so its score weighs
 * START_PAGE_WEIGHT times. A word that asks or names the programme (words.yml
 * `asking_words`: "saya", "kena", "kartu") counts as such a word: "akun kartu prakerja ke
 * blokir" says no more (tuning half: top 3 +2, top 1 +2). Material's document for the
 * home page has the ref "".
 */
function startPageFirst(results) {
  results.forEach(function (result) {
    if (result.ref === "") result.score *= START_PAGE_WEIGHT
  })
  return bestFirst(results)
}

// Whether the index holds the document `ref` (a page, or page#id for a section).
function inIndex(index, ref) {
  return ("title/" + ref) in index.fieldVectors || ("text/" + ref) in index.fieldVectors
}

// The page a document belongs to ("faq/#kecurangan" -> "faq/"); a page's own document is its page.
function pageOf(ref) {
  return ref.split("#")[0]
}

// A query clause's term without the trailing wildcard Material adds ("blokir*" -> "blokir").
function clauseTerm(clause) {
  return clause.term.replace(/\*$/, "")
}

// Results in lunr's order after a rule has changed their scores.
function bestFirst(results) {
  return results.sort(function (a, b) { return b.score - a.score })
}

// The documents (pages and sections) of an index, counted once per index.
function documentTotal(index) {
  if (index.lunrIdDocuments === undefined) {
    var refs = Object.create(null)
    for (var key in index.fieldVectors) refs[key.slice(key.indexOf("/") + 1)] = true
    index.lunrIdDocuments = Object.keys(refs).length
  }
  return index.lunrIdDocuments
}

// The documents that hold any term a clause matches (its wildcard expanded), counted
// once per index and term: a reader retypes the same words keystroke after keystroke.
function holdingCount(index, term) {
  var cache = index.lunrIdHolding || (index.lunrIdHolding = Object.create(null))
  if (term in cache) return cache[term]
  var terms = term.indexOf("*") === -1 ? [term]
    : index.tokenSet.intersect(lunr.TokenSet.fromString(term)).toArray()
  var holding = Object.create(null), count = 0
  terms.forEach(function (each) {
    var posting = index.invertedIndex[each]
    if (!posting) return
    for (var field in posting) {
      if (field === "_index") continue
      for (var ref in posting[field]) if (!holding[ref]) { holding[ref] = true; count++ }
    }
  })
  return (cache[term] = count)
}

/*
 * Multiplies each clause's boost by idf^RARE_WORD_POWER (lunr's idf over the documents
 * that hold the clause's terms); returns the share of the documents each clause found.
 * A word that asks or tells about the reader without naming a topic (words.yml
 * `asking_words`: "saya", "gw", "sekarang", "harus") is rare in the pages, so its idf is
 * high, yet it says nothing about which page answers: it weighs ASKING_WEIGHT as much,
 * so "akun prakerja gw diblokir" is not answered by the one title that says "saya".
 * (Measured on the tuning half: 0.5 gave top 1 +4 and top 3 +3 queries; 0.3, +0 and +3.)
 */
var ASKING_WEIGHT = 0.5

/*
 * The reader's "saya" (or "aku", "gw": the synonym list reads them as "saya") is what the
 * home page's title calls "Anda", and the causes page's title "Kenapa akun Prakerja saya
 * diblokir?" would take every "akun prakerja saya diblokir" from it: a pronoun (words.yml
 * `reader_pronouns`, PRONOUNS) is not looked for in titles. (Tuning half: top 1 +5 and -2,
 * top 3 unchanged.)
 */

function weighClauses(index, query) {
  var total = documentTotal(index), shares = []
  query.clauses.forEach(function (clause) {
    var count = holdingCount(index, clause.term)
    if (!count) return
    var word = clauseWord(clause), asking = word in ASKING
    shares.push(asking ? 1 : count / total)
    var idf = Math.log(1 + Math.abs((total - count + 0.5) / (count + 0.5)))
    clause.boost = (clause.boost || 1) * Math.pow(idf, RARE_WORD_POWER)
    if (asking) clause.boost *= ASKING_WEIGHT
    if (word in PRONOUNS)
      clause.fields = clause.fields.filter(function (field) { return field !== "title" })
  })
  return shares
}

/*
 * Words the reader typed side by side that stand side by side in a document ("kanal
 * resmi", "tidak bisa login", "siapa yang memblokir") say that it is about what was
 * asked, where a document that holds them pages apart may not be. Each pair of
 * neighbouring query words found within PHRASE_GAP tokens of each other, in that order
 * and in one block (a paragraph, a list item, a heading), raises the document's score
 * by PHRASE_BONUS, or TITLE_PHRASE_BONUS in its title, divided by the query's pairs
 * (phraseFirst). Positions are Material's: its tokenizer records each token as
 * block << 20 | number of the token in its block (stop words and inline tags count,
 * hence a gap, not 1). Written by hand: lunr scores words, never their order.
 */
// Per query clause, the positions of the index terms it matched, by field.
function clausePositions(query, metadata) {
  var terms = Object.keys(metadata)
  return query.clauses.map(function (clause) {
    var prefix = clauseTerm(clause), positions = Object.create(null)
    terms.forEach(function (term) {
      if (term.lastIndexOf(prefix, 0) !== 0) return
      for (var field in metadata[term]) {
        var list = positions[field] || (positions[field] = []), found = metadata[term][field].position || []
        for (var i = 0; i < found.length; i++) if (typeof found[i] === "number") list.push(found[i])
      }
    })
    return positions
  })
}

function near(first, second) {
  return first.some(function (a) {
    return second.some(function (b) {
      var gap = (b & 0xfffff) - (a & 0xfffff)
      return (a >>> 20) === (b >>> 20) && gap > 0 && gap <= PHRASE_GAP
    })
  })
}

function phraseFirst(query, results) {
  var pairs = query.clauses.length - 1
  if (pairs < 1 || !results.length) return results
  var floor = results[0].score * PHRASE_FLOOR
  results.forEach(function (result) {
    if (result.score < floor) return
    var byClause = clausePositions(query, result.matchData.metadata), inText = 0, inTitle = 0
    for (var i = 0; i < pairs; i++) {
      var a = byClause[i], b = byClause[i + 1]
      if (a.title && b.title && near(a.title, b.title)) inTitle++
      else if (Object.keys(a).some(function (f) { return b[f] && near(a[f], b[f]) })) inText++
    }
    result.score *= 1 + (PHRASE_BONUS * inText + TITLE_PHRASE_BONUS * inTitle) / pairs
  })
  return bestFirst(results)
}

function rank(builder) {
  builder.b(TEXT_B)
  var field = builder.field
  builder.field = function (name, attributes) {
    if (name === "title") attributes = Object.assign({}, attributes, { boost: TITLE_BOOST })
    return field.call(builder, name, attributes)
  }
}

/*
 * The ranking rules of words.yml (`rules`): a kind of question, told by its words, and the
 * page or section that answers it ("what do I do now" -> the recovery path; fees and
 * payment -> the scam page). A rule applies when the query holds one of its `words` (a
 * word or words side by side, compared after stemming, stop words dropped and a reader's
 * word read as the page word the synonym list gives it), and
 * - `with`: also one of these (the rule's topic);
 * - `unless`: none of these (a more specific question);
 * - `rest: generic`: no other word that tells pages apart (each in GENERIC_SHARE of the
 *   documents or more, in none, or one of words.yml `asking_words`).
 * A rule may also (or instead) hold `typed` phrases, compared with the words as the reader
 * typed them, stop words included: "situs ini" (this site) and "ngaku" (claims to be) are
 * lost once "ini" is dropped as a stop word and "ngaku" is stemmed to "aku";
 * `unless_typed` likewise tells apart the words the synonym list joins ("dinonaktifkan"
 * is read as "diblokir"). A word of a block after a negation is not one (negate).
 * Then the documents it `favour`s (a page: the page and its sections; page#id: that
 * section) weigh RULE_WEIGHT times (or the rule's `weight`). Each rule is measured on the
 * tuning half before it stays (decisions/search-rounds.md).
 */
var RULE_WEIGHT = 3

// A reader's word of the synonym list -> the page word it stands for (both stems).
var pageWordOf = Object.create(null)
Object.keys(synonyms).forEach(function (page) {
  synonyms[page].forEach(function (reader) { if (!(reader in pageWordOf)) pageWordOf[reader] = page })
})
function asPageWord(stem) {
  return pageWordOf[stem] || stem
}
// A query clause's word as its page word ("gw*" -> "saya").
function clauseWord(clause) {
  return asPageWord(clauseTerm(clause))
}

// "Situs ini" -> ["situs", "ini"]: a phrase's words as the query records them typed.
function typedWords(text) {
  return String(text).toLowerCase().split(/\s+/).map(trimWord).filter(Boolean)
}

// "apa yang harus" -> ["apa", "harus"]: the stems a phrase leaves in a query.
function phraseStems(text) {
  return typedWords(text)
    .filter(function (w) { return STOP_WORDS.indexOf(w) === -1 })
    .map(function (w) { return asPageWord(stemWord(w)) })
    .filter(Boolean)
}

// The stems of a list of words.yml, as a set.
function stemSet(words) {
  var set = Object.create(null)
  ;(words || []).forEach(function (word) { phraseStems(word).forEach(function (s) { set[s] = true }) })
  return set
}
var ASKING = stemSet(WORDS.asking_words), PRONOUNS = stemSet(WORDS.reader_pronouns)

// A rule's list of phrases, each read by `read` (phraseStems unless given); a list inside
// it, at any depth (a YAML alias of another list, such as *blocked, which may hold one
// itself), counts as its phrases.
function flat(list) {
  return [].concat.apply([], (list || []).map(function (item) { return Array.isArray(item) ? flat(item) : [item] }))
}
function phrases(list, read) {
  return flat(list).map(read || function (text) { return negate(phraseStems(text)) })
}

/*
 * Stems of words.yml `blocked` (one word each), `negations` and `shown`: a word of a block
 * right after a negation, or after a negation and one asking word ("tidak kena blokir") or
 * up to two words of what the app shows ("ga ada tulisan diblokir"), is read as "not ..."
 * by the rules, in the query and in the rules' own phrases alike: "akun
 * normal tidak diblokir" names no block, and "tidak curang" still matches "tidak curang".
 */
var BLOCKED = Object.create(null), NEGATIONS = stemSet(WORDS.negations)
;(WORDS.blocked || []).forEach(function (word) {
  var stems = phraseStems(word)
  if (stems.length === 1) BLOCKED[stems[0]] = true
})
var SHOWN = stemSet(WORDS.shown)
function negate(terms) {
  return terms.map(function (term, i) {
    if (!BLOCKED[term]) return term
    // back over one asking word, or words of what the app shows, to a negation
    var j = i - 1
    if (j > 0 && terms[j] in ASKING) j--
    else while (j > 0 && SHOWN[terms[j]] && i - j <= 2) j--
    return j >= 0 && NEGATIONS[terms[j]] ? "not " + term : term
  })
}

var RULES = (WORDS.rules || []).map(function (rule) {
  return {
    name: rule.name,
    words: phrases(rule.words),
    typed: phrases(rule.typed, typedWords),
    with: phrases(rule.with),
    unless: phrases(rule.unless),
    unlessTyped: phrases(rule.unless_typed, typedWords),
    generic: rule.rest === "generic",
    favour: rule.favour || [],
    weight: rule.weight || RULE_WEIGHT,
    place: rule.place || 0
  }
})

// Where the phrase `stems` stands in `terms` (the query's stems, in order): [its first
// word, its last word], or null. Its words in order, PHRASE_SLACK other words allowed
// between two of them ("ikuti semua aturan" holds "ikut aturan"; tuning half top 1 +1,
// top 3 +1, none lost).
var PHRASE_SLACK = 1
function find(terms, stems) {
  if (!stems.length) return null
  outer: for (var i = 0; i + stems.length <= terms.length; i++) {
    if (terms[i] !== stems[0]) continue
    for (var j = 1, at = i; j < stems.length; j++) {
      var next = terms.indexOf(stems[j], at + 1)
      if (next === -1 || next - at - 1 > PHRASE_SLACK) continue outer
      at = next
    }
    return [i, at]
  }
  return null
}
function holdsAny(terms, phrases) {
  return phrases.some(function (stems) { return find(terms, stems) !== null })
}

// The rules a query's clauses call for: [rule, ...].
function rulesFor(index, query) {
  var terms = negate(query.clauses.map(clauseWord))
  // and as typed, where the typo check replaced a word (query.js): the rules' words
  // include words no page holds
  var asTyped = negate(query.clauses.map(function (clause) {
    return clause.lunrIdTypedStem ? asPageWord(clause.lunrIdTypedStem) : clauseWord(clause)
  }))
  function findIn(stems) {
    return find(terms, stems) || find(asTyped, stems)
  }
  function holds(phrases) {
    return holdsAny(terms, phrases) || holdsAny(asTyped, phrases)
  }
  var applying = RULES.filter(function (rule) {
    var span = null
    rule.words.some(function (stems) { return (span = findIn(stems)) !== null })
    // a rule of no words nor typed phrases applies to every query its `unless` allows
    var any = rule.words.length || rule.typed.length
    if (any && !span && !holdsAny(query.lunrIdTyped || [], rule.typed)) return false
    if (rule.with.length && !holds(rule.with)) return false
    if (holds(rule.unless) || holdsAny(query.lunrIdTyped || [], rule.unlessTyped)) return false
    if (!rule.generic || !span) return true
    var total = documentTotal(index)
    return query.clauses.every(function (clause, i) {
      if (i >= span[0] && i <= span[1]) return true
      if (terms[i] in ASKING) return true
      var count = holdingCount(index, clause.term)
      return count === 0 || count / total >= GENERIC_SHARE
    })
  })
  // a rule with `place` stands back when another rule reads the question as one of its pages'
  var read = applying.some(function (rule) { return !rule.place && rule.weight >= 1 })
  return applying.filter(function (rule) { return !rule.place || !read })
}

function favoured(ref, favour) {
  return favour.some(function (location) {
    return location.indexOf("#") === -1 ? pageOf(ref) === location : ref === location
  })
}

/*
 * A rule names the document that answers a kind of question, and that document may hold
 * few or none of the reader's words ("diblokir tanpa alasan": the FAQ's answer for readers
 * who broke no rule says "diblokir" once and "alasan" never; the page for other problems
 * never says "insentif"), so weighing its score alone leaves it under the floor or out of
 * the list. A favoured document named exactly (page#id, or a page itself) is first lifted
 * to FAVOURED_SHARE of the best score (added if the words missed it), then weighed; a rule
 * weighing less than 1 lifts nothing.
 */
var FAVOURED_SHARE = 0.35

function liftFavoured(rules, index, results) {
  if (!results.length) return results
  var floor = results[0].score * FAVOURED_SHARE, byRef = Object.create(null)
  results.forEach(function (result) { byRef[result.ref] = result })
  rules.forEach(function (rule) {
    if (rule.weight < 1) return
    rule.favour.forEach(function (ref) {
      if (byRef[ref]) {
        byRef[ref].score = Math.max(byRef[ref].score, floor)
      } else if (inIndex(index, ref)) {
        byRef[ref] = { ref: ref, score: floor, matchData: new lunr.MatchData() }
        results.push(byRef[ref])
      }
    })
  })
  return results
}

/*
 * Material's worker then weighs each document by how many of the query's words it holds:
 * score * (1 + g^2), g = 1 for a page (0 for a section) + the share of the query's terms
 * that its matched terms start with (its search worker's `search`): a page with all the
 * words weighs 5 times, one with none 2 times. A rule's document answers because of what
 * the question asks, often in words it does not hold (the page for other problems never
 * says "insentif"), so that weight took back most of the rule's and left it second. A
 * document a rule favours is weighed here by (that weight with all the query's words /
 * the weight it will get)^COVER_POWER: half way to as if it held them all. (Tuning half:
 * 0.5 gave top 1 +4 and top 3 +1 queries; 1, -6 and -1, as the rules' weights were
 * measured with Material's weight in place; 0.25 and 0.75 less than 0.5.)
 */
var COVER_POWER = 0.5

// The weight Material's worker gives `result` (see above): 1 + (page + share)^2.
function materialWeight(result, share) {
  var page = pageOf(result.ref) === result.ref ? 1 : 0
  return 1 + Math.pow(page + share, 2)
}

// The share of the query's terms that `result`'s matched terms start with.
function matchedShare(query, result) {
  var matched = Object.keys(result.matchData.metadata), found = 0
  query.clauses.forEach(function (clause) {
    var term = clauseTerm(clause)
    if (matched.some(function (each) { return each.lastIndexOf(term, 0) === 0 })) found++
  })
  return query.clauses.length ? found / query.clauses.length : 1
}

function coverage(query, result) {
  if (!query.clauses.length) return 1
  return Math.pow(materialWeight(result, 1) / materialWeight(result, matchedShare(query, result)),
                  COVER_POWER)
}

function applyRules(rules, results, query) {
  if (!rules.length) return results
  results.forEach(function (result) {
    var lifted = false
    rules.forEach(function (rule) {
      if (!favoured(result.ref, rule.favour)) return
      result.score *= rule.weight
      lifted = lifted || rule.weight >= 1
    })
    if (lifted) result.score *= coverage(query, result)
  })
  return bestFirst(results)
}

/*
 * Results that mean something: a document scoring less than RESULT_FLOOR times the best
 * is left out, so the list and its count ("n dokumen ditemukan") hold the pages that
 * answer, not every page that shares one expanded word with the query (and Material's
 * worker does not highlight thousands of documents at a large size).
 */
// Measured on the tuning half (573 queries; 23 pages): floors 0, 0.15, 0.2, 0.25 and 0.3
// list a median 23, 9, 6, 5 and 4 pages, with 554, 554, 553, 551 and 549 queries in the top
// 3. 0.2: a third of the list of 0.15 for one query.
var RESULT_FLOOR = 0.2

function aboveFloor(results) {
  if (!results.length) return results
  var floor = results[0].score * RESULT_FLOOR
  var kept = 0
  while (kept < results.length && results[kept].score >= floor) kept++
  return results.slice(0, kept)
}

/*
 * A rule with `place` n does not weigh its page: it shows it at the n-th place of the list
 * the reader sees when it would come lower or not at all, never above the n - 1 best
 * answers ("nothing this guide covers": the page for other problems third). Material's
 * worker orders its entries (a page and its sections) by score * its weight, and lists
 * each page where its best document stands, so the score given here is the one that puts
 * the page's document just under the (n - 1)-th page once weighed.
 */
function placeFavoured(rules, index, query, results) {
  rules.forEach(function (rule) {
    if (!results.length) return
    rule.favour.forEach(function (ref) {
      if (!inIndex(index, ref)) return
      var ownPage = pageOf(ref), pages = [], best = Object.create(null), own = null
      results.forEach(function (result) {
        var page = pageOf(result.ref)
        var weighed = result.score * materialWeight(result, matchedShare(query, result))
        if (result.ref === ref) own = result
        if (!(page in best)) pages.push(page)
        best[page] = Math.max(best[page] || 0, weighed)
      })
      pages.sort(function (a, b) { return best[b] - best[a] })
      var at = pages.indexOf(ownPage)
      if (at !== -1 && at < rule.place) return
      var above = pages.filter(function (page) { return page !== ownPage })
      var under = best[above[Math.min(rule.place - 1, above.length) - 1]]
      if (!own) {
        own = { ref: ref, score: 0, matchData: new lunr.MatchData() }
        results.push(own)
      }
      own.score = under * 0.999 / materialWeight(own, matchedShare(query, own))
    })
  })
  return bestFirst(results)
}

/*
 * No result: instead of an empty list, the documents of words.yml `no_results` (the page
 * for questions this guide does not cover and its section of official channels), with no
 * matched word, so Material lists them and marks the reader's words as not found.
 */
function noResults(index) {
  return (WORDS.no_results || []).filter(function (ref) { return inIndex(index, ref) }).map(function (ref) {
    return { ref: ref, score: 0, matchData: new lunr.MatchData() }
  })
}

/*
 * A page found by the name the menu gives it: when every word of the query matched in a
 * page's `names` field (the menu's name where it differs from the H1, which
 * akun_diblokir/search_index.py adds), the page weighs NAMED_WEIGHT times. "Selebaran" is
 * the handout's name in the menu, and the heading of a section of the trainers' kit too;
 * the handout weighs 0.75 (front matter `search: boost`), so without this the kit's section
 * came first. (No query of the tuning half changed; tests/test_search_stemmer.py types
 * every menu name.)
 */
var NAMED_WEIGHT = 2

function namedPageFirst(query, results) {
  var prefixes = query.clauses.map(clauseTerm)
  var named = false
  results.forEach(function (result) {
    // only a page's own document has a `names` field: its sections, most of the list, have none
    if (pageOf(result.ref) !== result.ref) return
    var metadata = result.matchData.metadata, terms = Object.keys(metadata)
    var all = prefixes.length && prefixes.every(function (prefix) {
      return terms.some(function (term) { return term.lastIndexOf(prefix, 0) === 0 && metadata[term].names })
    })
    if (all) {
      result.score *= NAMED_WEIGHT
      named = true
    }
  })
  return named ? bestFirst(results) : results
}

/*
 * Every search goes through lunr.Index#query: the clauses are weighed before lunr scores
 * them, and the rules above reorder what it found.
 */
if (!lunr.Index.prototype.query.lunrId) {
  var query = lunr.Index.prototype.query
  lunr.Index.prototype.query = function (fn) {
    var onlyStopWords = false
    var index = this, shares = [], built = null
    var results = query.call(this, function (q) {
      fn.call(q, q)
      built = q
      if (FEATURES.ranking) {
        completeShortWords(index, q)
        shares = weighClauses(index, q)
      }
      onlyStopWords = q.lunrIdDropped === true && q.clauses.length === 0
    })
    if (onlyStopWords) return []
    if (!FEATURES.ranking) return results
    if (!results.length) return built.clauses.length ? noResults(index) : results
    results = phraseFirst(built, results)
    if (shares.length && shares.every(function (share) { return share >= GENERIC_SHARE }))
      results = startPageFirst(results)
    results = namedPageFirst(built, results)
    var rules = rulesFor(index, built)
    var weighing = rules.filter(function (rule) { return !rule.place })
    results = aboveFloor(applyRules(weighing, liftFavoured(weighing, index, results), built))
    return placeFavoured(rules.filter(function (rule) { return rule.place }), index, built, results)
  }
  lunr.Index.prototype.query.lunrId = true
}
