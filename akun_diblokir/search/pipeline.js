/*
 * lunr.id, part 2 of 4: the index-time pipeline. Each document's words are trimmed (digits
 * kept), phone numbers also indexed as one run of digits, stop words dropped, roots whose
 * first consonant meN-/peN- replaced indexed too, stemmed, and the readers' words of the
 * synonym list added where the page's word stands.
 *
 * Defines: trimWord, stemOf, STOP_WORDS, SYNONYMS, synonyms (stem -> readers' stems),
 * nasalVariant, and the pipeline functions lunr.id.trimmer, .stopWordFilter, .stemmer,
 * .synonyms, .nasalVariants, .phoneNumbers (registered under Material's names, so its
 * `pipeline` setting can remove each). Uses: WORDS (the data, akun_diblokir/search/words.yml),
 * stemWord (stemmer.js).
 */

// Function words dropped from the index and from queries (words.yml: stop_words).
var STOP_WORDS = [].concat.apply([], WORDS.stop_words)

// The ONE synonym list (words.yml: synonyms): a word the pages use -> the words readers
// type for it. Written as words and stemmed here, so the list names the terms the index
// really holds.
var SYNONYMS = WORDS.synonyms

var trimRe = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu
// Chat writes a doubled word with a 2 ("sebab2" for "sebab-sebab", "ngapa2in", "tiba2"):
// read as the word once, as the pages write the doubled word's parts.
var doubledRe = /^(\p{L}{2,})2(\p{L}*)$/u
function trimWord(word) {
  return word.replace(trimRe, "").replace(doubledRe, "$1$2")
}
function stemOf(word) {
  return stemWord(trimWord(word.toLowerCase()))
}

// Page word stem -> stems of the readers' words for it.
var synonyms = Object.create(null)
Object.keys(SYNONYMS).forEach(function (word) {
  var key = stemOf(word)
  var others = synonyms[key] || (synonyms[key] = [])
  SYNONYMS[word].forEach(function (variant) {
    var stem = stemOf(variant)
    if (stem && stem !== key && others.indexOf(stem) === -1) others.push(stem)
  })
})

lunr.id.stemWord = stemWord
lunr.id.stopWords = STOP_WORDS.slice()
lunr.id.synonymList = SYNONYMS
lunr.id.synonymStems = synonyms

// Keeps digits (lunr-languages' Latin trimmers drop them, which would lose "0800").
lunr.id.trimmer = function (token) {
  return token.update(trimWord)
}
lunr.Pipeline.registerFunction(lunr.id.trimmer, "trimmer-id")

lunr.id.stopWordFilter = lunr.generateStopWordFilter(STOP_WORDS)
lunr.Pipeline.registerFunction(lunr.id.stopWordFilter, "stopWordFilter-id")

lunr.id.stemmer = function (token) {
  return token.update(stemWord)
}
lunr.Pipeline.registerFunction(lunr.id.stemmer, "stemmer-id")

lunr.id.synonyms = function (token) {
  var others = synonyms[token.toString()]
  if (!others) return token
  var tokens = [token]
  for (var i = 0; i < others.length; i++)
    tokens.push(token.clone(function () { return others[i] }))
  return tokens
}
lunr.Pipeline.registerFunction(lunr.id.synonyms, "synonyms-id")

/*
 * meN- and peN- replace the first consonant of many roots with their nasal (tipu ->
 * penipuan, kirim -> mengirim, manipulasi -> memanipulasi), and Tala's algorithm, so
 * Snowball's, cannot know which consonant went: "penipuan" stems to "ipu", never to
 * "tipu". The index therefore also holds the stem with the consonant put back, so the
 * root a reader types finds the affixed form. The variant keeps the prefix class
 * (Snowball's $prefix: 1 for me-, di-; 3 for pe-, ke-), so the suffix rules and the
 * measure stay as for the original word, and it goes through the same stemmer:
 *   men+V -> ment+V, pen+V -> pent+V      (t: menulis, penipuan)
 *   meng+V -> mengk+V, peng+V -> pengk+V  (k: mengirim, pengirim)
 *   mem+V -> dim+V, pem+V -> kem+V        (m: memanipulasi; Snowball restores only p)
 */
var NASAL_VARIANTS = [
  [/^meng(?=[aeiou])/, "mengk"], [/^peng(?=[aeiou])/, "pengk"],
  [/^men(?=[aeiou])/, "ment"], [/^pen(?=[aeiou])/, "pent"],
  [/^mem(?=[aeiou])/, "dim"], [/^pem(?=[aeiou])/, "kem"]
]
function nasalVariant(word) {
  for (var i = 0; i < NASAL_VARIANTS.length; i++)
    if (NASAL_VARIANTS[i][0].test(word))
      return word.replace(NASAL_VARIANTS[i][0], NASAL_VARIANTS[i][1])
  return null
}
lunr.id.nasalVariant = nasalVariant

lunr.id.nasalVariants = function (token) {
  var variant = nasalVariant(token.toString())
  if (variant === null) return token
  return [token, token.clone(function () { return variant })]
}
lunr.Pipeline.registerFunction(lunr.id.nasalVariants, "nasalVariants-id")

// The separator splits "0800-150-3001" into digit groups; a phone number (starting
// with 0 or 62) is also indexed as one run of digits, so "08001503001" finds it too,
// and one starting with 0 also without it and with 62 ("800", "628001503001").
var digitsRe = /^\d+$/
lunr.id.phoneNumbers = function (token, i, tokens) {
  var text = token.toString()
  if (!digitsRe.test(text) || !/^(0|62)/.test(text)) return token
  if (i > 0 && digitsRe.test(tokens[i - 1].toString())) return token
  var joined = text
  for (var j = i + 1; j < tokens.length && digitsRe.test(tokens[j].toString()); j++)
    joined += tokens[j].toString()
  if (joined === text || joined.length > 15) return token
  var tokens = [token, token.clone(function () { return joined })]
  // Typed the international way too: "+62 800 150 3001", "628001503001".
  if (joined.charAt(0) === "0")
    [text.slice(1), joined.slice(1), "62" + joined.slice(1)].forEach(function (variant) {
      tokens.push(token.clone(function () { return variant }))
    })
  return tokens
}
lunr.Pipeline.registerFunction(lunr.id.phoneNumbers, "phoneNumbers-id")
