/*
 * lunr.id, part 3 of 4: query rewriting. Material sends each typed word as a trailing
 * wildcard term ("diblokir*"), which lunr matches unstemmed: here every such term is
 * stemmed, a stop word dropped, a chat form read as the pages write it ("ngadu" -> adu),
 * a typo replaced by the index term one edit away, and a short word before another
 * matched whole.
 *
 * Defines: builtIndex (set by lunr.id when the index is built), correct, colloquialForms,
 * completeShortWords, documentCount, TYPED_AS; patches lunr.Query#clause and wraps the
 * worker's postMessage (the lacking words named as typed). Uses: FEATURES,
 * STOP_WORDS, trimWord (pipeline.js), stemWord (stemmer.js), COMMON_WORDS (common_words.txt),
 * ASKING (ranking.js).
 */

/*
 * A word of TYPO_MIN letters or more whose stem starts no term of the index is taken
 * for a typo: it is replaced by the index term one edit away (the one in most
 * documents), from the word as typed or from its stem. lunr's own fuzzy terms (`~1`)
 * cannot do this: they match the typed stem against stems, and a typo in an affix
 * changes the stem by more than one edit. Correct words, and half-typed ones, start some term and are
 * left alone, so they are never flooded with near misses; replacing the term (rather
 * than a fuzzy clause) lets Material's term analysis and highlighting see the match.
 */
var TYPO_MIN = 4

/*
 * A real word is not a typo: "berkurang" (stem "kurang", which no page holds) is not
 * "curang", nor "sore" "store". COMMON_WORDS (akun_diblokir/search/common_words.txt, the
 * Indonesian word forms of ten in a million words or more, cut at build time to those one
 * edit from a word of the site) are left as typed, as are the words that ask (words.yml).
 */
var COMMON = Object.create(null)
COMMON_WORDS.forEach(function (word) { COMMON[word] = true })
lunr.id.commonWords = COMMON_WORDS
var builtIndex = null

function documentCount(index, term) {
  var posting = index.invertedIndex[term], count = 0
  if (!posting) return 0
  for (var field in posting) if (field !== "_index") count += Object.keys(posting[field]).length
  return count
}

var LETTERS = "abcdefghijklmnopqrstuvwxyz"

// Every word one edit (deletion, transposition, substitution, insertion) from `word`.
function edits(word) {
  var out = []
  for (var i = 0; i <= word.length; i++) {
    var head = word.slice(0, i), tail = word.slice(i)
    if (tail) out.push(head + tail.slice(1))
    if (tail.length > 1) out.push(head + tail[1] + tail[0] + tail.slice(2))
    for (var j = 0; j < LETTERS.length; j++) {
      if (tail) out.push(head + LETTERS[j] + tail.slice(1))
      out.push(head + LETTERS[j] + tail)
    }
  }
  return out
}

/*
 * Chat Indonesian puts a bare nasal where the pages write meN- (and -in where they write
 * -kan or -i, Sundanese -na where they write -nya, English -ed on a loanword): "ngadu",
 * "ngirim", "nyusun", "nulis", "ngecek", "bukain", "dikerjain", "akunna", "suspended".
 * Snowball knows only meN-, so these stem to nothing the index holds. A word whose stem
 * starts no index term is tried as the page would write it -- the nasal dropped or
 * turned back into the consonant it replaced, -in or -na dropped -- and the first form whose
 * stem the index holds (the one in most documents) is searched instead. Rules:
 *   nge+C -> C (ngecek: cek)     ng+V -> V, k+V (ngadu: adu, ngirim: kirim)
 *   ny+V -> s+V, c+V (nyusun: susun, nyari: cari)     n+V -> t+V (nulis: tulis)
 */
var COLLOQUIAL_PREFIXES = [
  [/^nge(?=[^aeiou])/, [""]], [/^ng(?=[aeiou])/, ["", "k"]],
  [/^ny(?=[aeiou])/, ["s", "c"]], [/^n(?=[aeiou])/, ["t"]]
]

function colloquialForms(word) {
  var bases = [word], forms = []
  if (/in$/.test(word) && word.length > 4) bases.push(word.slice(0, -2))
  // Sundanese -na where Indonesian writes -nya ("lengkahna", "akunna")
  if (/na$/.test(word) && word.length > 5) bases.push(word.slice(0, -2))
  // English -ed of a loanword the index holds ("suspended", "banned" -> "suspend", "bann")
  if (/ed$/.test(word) && word.length > 5) bases.push(word.slice(0, -2), word.slice(0, -1))
  bases.forEach(function (base) {
    if (base !== word) forms.push(base)
    var rest = base.replace(/^di(?=[a-z]{3})/, "")
    COLLOQUIAL_PREFIXES.forEach(function (rule) {
      if (!rule[0].test(rest)) return
      rule[1].forEach(function (consonant) { forms.push(rest.replace(rule[0], consonant)) })
    })
  })
  return forms
}

function pageForm(index, word) {
  var best = null, bestCount = 0
  colloquialForms(word).forEach(function (form) {
    var s = stemWord(form), count = s && index.invertedIndex[s] ? documentCount(index, s) : 0
    if (count > bestCount) {
      best = s
      bestCount = count
    }
  })
  return best
}
lunr.id.colloquialForms = colloquialForms

// Whether a term of `index` starts with `prefix`.
function startsIndexTerm(index, prefix) {
  return index.tokenSet.intersect(lunr.TokenSet.fromString(prefix + "*")).toArray().length > 0
}

function correct(word, stem) {
  if (builtIndex === null || !stem || !(FEATURES.typos || FEATURES.synonyms)) return stem
  var index = builtIndex, tokens = index.tokenSet
  if (startsIndexTerm(index, stem)) return stem
  var colloquial = FEATURES.synonyms ? pageForm(index, word) : null
  if (colloquial) return colloquial
  if (!FEATURES.typos || word.length < TYPO_MIN || stem in ASKING || COMMON[word] || COMMON[stem]) return stem
  // Candidates: the stems of the words one edit from what was typed (a typo in an
  // affix changes the stem: "pelatiham" stems to "latiham", "pelatihan" to "latih"),
  // and the index terms one edit from its stem.
  var candidates = tokens.intersect(lunr.TokenSet.fromFuzzyString(stem, 1)).toArray()
  edits(word).forEach(function (variant) {
    var s = stemWord(variant)
    if (s && index.invertedIndex[s] && candidates.indexOf(s) === -1) candidates.push(s)
  })
  var best = stem, bestCount = 0
  candidates.forEach(function (term) {
    var count = documentCount(index, term)
    if (count > bestCount || (count === bestCount && term < best)) {
      best = term
      bestCount = count
    }
  })
  return best
}
lunr.id.correct = correct

/*
 * A word of one or two letters that the reader has typed a space or a dot after is
 * complete: "co" in a look-alike address such as prakerja[.]co[.]id, "kk" in "foto kk
 * ktp". As a prefix it would match every longer word it starts ("copas", "contoh",
 * "kkn"), which drowns the page that holds the word itself; so it is matched as it is,
 * and one no page holds finds nothing ("q" for "aku" no longer finds "QR", "d" for "di"
 * no longer every word in d-; tuning half top 1 +1, top 3 +1). The last word may still be
 * half-typed and keeps its wildcard.
 */
function completeShortWords(index, query) {
  for (var i = 0; i < query.clauses.length - 1; i++) {
    var match = /^([^*]{1,2})\*$/.exec(query.clauses[i].term)
    if (match) query.clauses[i].term = match[1]
  }
}

// Whether the index holds `term` as typed or stemmed: a term that starts with it when it
// ends with a wildcard, the term itself when it does not (a quoted word).
function heldAnywhere(term) {
  var prefix = /\*$/.test(term), word = trimWord(term.replace(/\*+$/, "").toLowerCase())
  if (!word) return true
  return [word, stemWord(word)].some(function (each) {
    return Boolean(each) && (prefix ? startsIndexTerm(builtIndex, each) : Boolean(builtIndex.invertedIndex[each]))
  })
}

/*
 * Material turns every typed word into a trailing-wildcard term ("diblokir*"), and
 * lunr's query parser switches the search pipeline off for any term with a wildcard,
 * so such a term would be matched, unstemmed, against an index of stems. Every clause
 * the parser completes goes through Query#clause (in the worker's lunr.Index#search
 * and in Material's own clause analysis alike), so the term is stemmed there: its
 * prefix part is trimmed and stemmed, and the wildcard kept ("blokir*"). A stop word
 * is dropped, as the index holds none; a query of stop words alone then finds nothing
 * (lunr would answer a query without clauses with every document).
 */
if (!lunr.Query.prototype.clause.lunrId) {
  var clause = lunr.Query.prototype.clause
  var patchedClause = function (options) {
    // Material's box reads a leading "+" as lunr's "required" (and adds no wildcard),
    // so "+62 800 150 3001" found nothing: readers type it as a phone number.
    if (options && options.presence === lunr.Query.presence.REQUIRED &&
        typeof options.term === "string" && /^\d+$/.test(options.term)) {
      options = Object.assign({}, options, {
        presence: lunr.Query.presence.OPTIONAL, term: options.term + "*", usePipeline: false
      })
    }
    // Material makes the words of a quoted phrase required ("+telah"): a message pasted in
    // quotes ("akun anda telah diblokir") then found nothing, as no page says "telah". A
    // required word that the index does not hold, as typed or stemmed, is not required.
    if (options && options.presence === lunr.Query.presence.REQUIRED && typeof options.term === "string" &&
        builtIndex !== null && !heldAnywhere(options.term)) {
      options = Object.assign({}, options, { presence: lunr.Query.presence.OPTIONAL })
    }
    // A quoted word comes without a wildcard, for lunr's own pipeline to stem later; Material's
    // analysis of the words a result lacks saw it unstemmed and named "diblokir" as lacking
    // from the result that holds it. It is stemmed here like the others, and stays whole.
    var whole = options && options.usePipeline !== false && typeof options.term === "string" &&
      !options.wildcard && options.term.indexOf("*") === -1
    if (whole) options = Object.assign({}, options, { usePipeline: false })
    if (options && options.usePipeline === false && typeof options.term === "string" &&
        !(options.wildcard & lunr.Query.wildcard.LEADING)) {
      var typed = whole ? options.term : (/^([^*]+)\*$/.exec(options.term) || [])[1]
      if (typed) {
        var word = trimWord(typed.toLowerCase())
        // The words as typed, stop words included, for the rules' `typed` phrases (ranking.js)
        if (word) (this.lunrIdTyped = this.lunrIdTyped || []).push(word)
        if (word && STOP_WORDS.indexOf(word) !== -1 &&
            options.presence !== lunr.Query.presence.REQUIRED) {
          this.lunrIdDropped = true
          return this
        }
        if (word) {
          var stem = stemWord(word), corrected = correct(word, stem)
          options.term = corrected + (whole ? "" : "*")
          TYPED_AS[corrected] = word
          // the stem as typed, for the rules of words.yml: a rule's word that no page holds
          // ("selanjutnya") must not be read as the page word one edit from it
          if (corrected !== stem) options = Object.assign({}, options, { lunrIdTypedStem: stem })
        }
      }
    }
    return clause.call(this, options)
  }
  patchedClause.lunrId = true
  lunr.Query.prototype.clause = patchedClause
}

/*
 * Material's box names the reader's words a result lacks ("Tidak ada: ..."), from the terms
 * its worker reports for each result: the stems this file searches ("latih" for
 * "pelatihan"), which the reader never typed. Its reply to a query (message type 3) names
 * each lacking term as the reader typed it instead (TYPED_AS: the word typed for each term
 * of the latest query); the terms found, which Material sends on as the words to highlight
 * on the page opened, stay stems. Written by hand: Material has no hook between its
 * worker's result and its reply, so the worker's postMessage is wrapped.
 */
var TYPED_AS = Object.create(null)
var scope = typeof self !== "undefined" ? self : null
if (scope && typeof scope.postMessage === "function" && !scope.postMessage.lunrId) {
  var post = scope.postMessage
  var typedPost = function (message) {
    var items = message && message.type === 3 && message.data && message.data.items
    if (items) items.forEach(function (group) {
      group.forEach(function (doc) {
        if (!doc.terms) return
        var terms = {}
        for (var term in doc.terms)
          terms[doc.terms[term] ? term : TYPED_AS[term] || term] = doc.terms[term]
        doc.terms = terms
      })
    })
    return post.apply(scope, arguments)
  }
  typedPost.lunrId = true
  scope.postMessage = typedPost
}
