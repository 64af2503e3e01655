/*
 * lunr.id, part 1 of 4: the stemmer. A routine-by-routine port of the Snowball Indonesian
 * stemmer (after Tala, 2003), from the code Snowball 3.1.1 generates for indonesian.sbl;
 * lunr-languages has no Indonesian. tests/test_search_stemmer.py checks it against the
 * Python `snowballstemmer` package on every word of the site and on tests/data/.
 *
 * Defines: stemWord(word). Uses nothing from the other parts.
 * Assembled into the worker's language file by akun_diblokir/search_index.py (see lunr.id.js).
 */

// Among tables, in the order Snowball generates them (a_0 ... a_4).
var A_PARTICLE = [["kah", 1], ["lah", 1], ["pun", 1]]
var A_POSSESSIVE = [["nya", 1], ["ku", 1], ["mu", 1]]
var A_SUFFIX = [["i", 2], ["an", 1]]
var A_FIRST_PREFIX = [
  ["di", 1], ["ke", 3], ["me", 1], ["mem", 5], ["men", 2],
  ["meng", 1], ["pem", 6], ["pen", 4], ["peng", 3], ["ter", 1]
]
var A_SECOND_PREFIX = [["be", 2], ["pe", 1]]

function isVowel(ch) {
  return ch === "a" || ch === "e" || ch === "i" || ch === "o" || ch === "u"
}

/**
 * The Snowball machine state (current, cursor, limit, limit_backward, bra, ket)
 * and its primitives, as in snowballstemmer's BaseStemmer. None of these among
 * tables has a routine attached, so find_among is "the longest entry that
 * matches at the cursor", which is what the runtime's binary search returns.
 */
function Machine(word) {
  this.current = word
  this.cursor = 0
  this.limit = word.length
  this.limit_backward = 0
  this.bra = 0
  this.ket = word.length
  this.prefix = 0
  this.measure = 0
}

Machine.prototype.findAmong = function (table) {
  var c = this.cursor, best = null
  for (var i = 0; i < table.length; i++) {
    var s = table[i][0]
    if (c + s.length <= this.limit && this.current.substr(c, s.length) === s &&
        (best === null || s.length > best[0].length))
      best = table[i]
  }
  if (best === null) return 0
  this.cursor = c + best[0].length
  return best[1]
}

Machine.prototype.findAmongB = function (table) {
  var c = this.cursor, best = null
  for (var i = 0; i < table.length; i++) {
    var s = table[i][0]
    if (c - s.length >= this.limit_backward && this.current.substr(c - s.length, s.length) === s &&
        (best === null || s.length > best[0].length))
      best = table[i]
  }
  if (best === null) return 0
  this.cursor = c - best[0].length
  return best[1]
}

Machine.prototype.charAt = function (pos) {
  return this.current.charAt(pos)
}

Machine.prototype.inGroupingVowel = function () {
  if (this.cursor >= this.limit || !isVowel(this.charAt(this.cursor))) return false
  this.cursor++
  return true
}

Machine.prototype.outGroupingVowel = function () {
  if (this.cursor >= this.limit || isVowel(this.charAt(this.cursor))) return false
  this.cursor++
  return true
}

Machine.prototype.goOutGroupingVowel = function () {
  while (this.cursor < this.limit) {
    if (isVowel(this.charAt(this.cursor))) return true
    this.cursor++
  }
  return false
}

Machine.prototype.eqS = function (s) {
  if (this.cursor + s.length > this.limit || this.current.substr(this.cursor, s.length) !== s)
    return false
  this.cursor += s.length
  return true
}

Machine.prototype.replaceS = function (cBra, cKet, s) {
  var adjustment = s.length - (cKet - cBra)
  this.current = this.current.slice(0, cBra) + s + this.current.slice(cKet)
  this.limit += adjustment
  if (this.cursor >= cKet) this.cursor += adjustment
  else if (this.cursor > cBra) this.cursor = cBra
  return adjustment
}

Machine.prototype.sliceFrom = function (s) {
  this.replaceS(this.bra, this.ket, s)
  this.ket = this.bra + s.length
}

Machine.prototype.sliceDel = function () {
  this.sliceFrom("")
}

// define remove_particle as ( [substring] among ( 'kah' 'lah' 'pun' (delete $measure-=1) ) )
Machine.prototype.removeParticle = function () {
  this.ket = this.cursor
  if (this.findAmongB(A_PARTICLE) === 0) return false
  this.bra = this.cursor
  this.sliceDel()
  this.measure--
  return true
}

// define remove_possessive_pronoun as ( [substring] among ( 'ku' 'mu' 'nya' (delete ...) ) )
Machine.prototype.removePossessivePronoun = function () {
  this.ket = this.cursor
  if (this.findAmongB(A_POSSESSIVE) === 0) return false
  this.bra = this.cursor
  this.sliceDel()
  this.measure--
  return true
}

// define remove_suffix: 'kan' (unless prefix ke/peng/per) or 'an' (unless prefix di/meng/ter),
// 'i' (only after prefix di/meng/ter/ke/peng, and not after 's')
Machine.prototype.removeSuffix = function () {
  this.ket = this.cursor
  var amongVar = this.findAmongB(A_SUFFIX)
  if (amongVar === 0) return false
  this.bra = this.cursor
  if (amongVar === 1) {
    var v1 = this.limit - this.cursor
    var kan = false
    if (this.prefix !== 3 && this.prefix !== 2 &&
        this.cursor > this.limit_backward && this.charAt(this.cursor - 1) === "k") {
      this.cursor--
      this.bra = this.cursor
      kan = true
    }
    if (!kan) {
      this.cursor = this.limit - v1
      if (this.prefix === 1) return false
    }
  } else {
    if (this.prefix > 2) return false
    if (this.cursor > this.limit_backward && this.charAt(this.cursor - 1) === "s") {
      this.cursor--
      return false
    }
  }
  this.sliceDel()
  this.measure--
  return true
}

// define remove_first_order_prefix: di ke me meng men(y) mem(p) ter peng pen(y) pem(p)
Machine.prototype.removeFirstOrderPrefix = function () {
  this.bra = this.cursor
  var amongVar = this.findAmong(A_FIRST_PREFIX)
  if (amongVar === 0) return false
  this.ket = this.cursor
  switch (amongVar) {
    case 1:
      this.sliceDel()
      this.prefix = 1
      this.measure--
      break
    case 2:
    case 4:
      // 'men' / 'pen': 'meny'/'peny' + vowel becomes 's', otherwise the prefix goes
      var prefix = amongVar === 2 ? 1 : 3
      var v1 = this.cursor
      var done = false
      if (this.cursor < this.limit && this.charAt(this.cursor) === "y") {
        this.cursor++
        var v2 = this.cursor
        if (this.inGroupingVowel()) {
          this.cursor = v2
          this.ket = this.cursor
          this.sliceFrom("s")
          this.prefix = prefix
          this.measure--
          done = true
        }
      }
      if (!done) {
        this.cursor = v1
        this.sliceDel()
        this.prefix = prefix
        this.measure--
      }
      break
    case 3:
      this.sliceDel()
      this.prefix = 3
      this.measure--
      break
    case 5:
    case 6:
      // 'mem' / 'pem': before a vowel it becomes 'p', otherwise the prefix goes
      this.prefix = amongVar === 5 ? 1 : 3
      this.measure--
      var v5 = this.cursor
      var v6 = this.cursor
      if (this.inGroupingVowel()) {
        this.cursor = v6
        this.sliceFrom("p")
      } else {
        this.cursor = v5
        this.sliceDel()
      }
      break
  }
  return true
}

// define remove_second_order_prefix: per / pel(ajar) / pe, ber / bel(ajar) / be C er
Machine.prototype.removeSecondOrderPrefix = function () {
  this.bra = this.cursor
  var amongVar = this.findAmong(A_SECOND_PREFIX)
  if (amongVar === 0) return false
  var v = this.cursor
  if (amongVar === 1) {
    if (this.cursor < this.limit && this.charAt(this.cursor) === "r") {
      this.cursor++
      this.ket = this.cursor
      this.prefix = 2
    } else {
      this.cursor = v
      var pelajar = false
      if (this.cursor < this.limit && this.charAt(this.cursor) === "l") {
        this.cursor++
        this.ket = this.cursor
        pelajar = this.eqS("ajar")
      }
      if (!pelajar) {
        this.cursor = v
        this.ket = this.cursor
        this.prefix = 2
      }
    }
  } else {
    var matched = false
    if (this.cursor < this.limit && this.charAt(this.cursor) === "r") {
      this.cursor++
      this.ket = this.cursor
      matched = true
    }
    if (!matched) {
      this.cursor = v
      if (this.cursor < this.limit && this.charAt(this.cursor) === "l") {
        this.cursor++
        this.ket = this.cursor
        matched = this.eqS("ajar")
      }
    }
    if (!matched) {
      this.cursor = v
      this.ket = this.cursor
      if (!this.outGroupingVowel()) return false
      if (!this.eqS("er")) return false
    }
    this.prefix = 4
  }
  this.measure--
  this.sliceDel()
  return true
}

// define stem as ( $measure = number of vowels, > 2 required before each step ... )
Machine.prototype.stem = function () {
  this.measure = 0
  var v1 = this.cursor
  while (true) {
    var v2 = this.cursor
    if (!this.goOutGroupingVowel()) {
      this.cursor = v2
      break
    }
    this.cursor++
    this.measure++
  }
  this.cursor = v1
  if (this.measure <= 2) return false
  this.prefix = 0
  this.limit_backward = this.cursor
  this.cursor = this.limit
  var v3 = this.limit - this.cursor
  this.removeParticle()
  this.cursor = this.limit - v3
  if (this.measure <= 2) return false
  var v4 = this.limit - this.cursor
  this.removePossessivePronoun()
  this.cursor = this.limit - v4
  this.cursor = this.limit_backward
  if (this.measure <= 2) return false

  var v5 = this.cursor
  var v6 = this.cursor
  if (this.removeFirstOrderPrefix()) {
    var v7 = this.cursor
    var v8 = this.cursor
    attempt: {
      if (this.measure <= 2) break attempt
      this.limit_backward = this.cursor
      this.cursor = this.limit
      if (!this.removeSuffix()) break attempt
      this.cursor = this.limit_backward
      this.cursor = v8
      if (this.measure <= 2) break attempt
      if (!this.removeSecondOrderPrefix()) break attempt
    }
    this.cursor = v7
    this.cursor = v6
    return true
  }
  this.cursor = v5
  var v9 = this.cursor
  this.removeSecondOrderPrefix()
  this.cursor = v9
  var v10 = this.cursor
  attempt2: {
    if (this.measure <= 2) break attempt2
    this.limit_backward = this.cursor
    this.cursor = this.limit
    if (!this.removeSuffix()) break attempt2
    this.cursor = this.limit_backward
  }
  this.cursor = v10
  return true
}

/** Stem one word (lowercase, as lunr's tokens are). */
function stemWord(word) {
  var machine = new Machine(word)
  machine.stem()
  return machine.current
}
