/* The complaint builder of /susun-pengaduan/: five short steps of questions, a summary of
   the answers, and the texts for the official complaint form and the email, filled in as
   the reader answers. Loaded on this page only (overrides/susun-pengaduan.html); it needs
   nothing of the theme's script.

   - It reads every fixed text it needs from the page (overrides/partials/susun-pengaduan.html):
     the email link with the registry's address and subject, the causes and how to ask
     about each, the evidence and the dashboard message. It holds no contact detail of its
     own (the build's contact checker scans this file too).
   - Reader input is text, never markup: outputs are set with textContent only.
   - Nothing leaves the device: no request is made, and the form has no submit button and
     no action (it is inert until this script has started). Answers are kept in the
     browser's session storage (a reload keeps them, closing the page ends them) and, only
     when the reader ticks the box, in its local storage; "Hapus semua jawaban" deletes
     both and offers to undo.
   - Secrets never reach an output: OTP-like codes and whatever follows "password", "kata
     sandi" or "PIN" are replaced in every text, the summary and what is kept. */
(() => {
  "use strict"

  const form = document.getElementById("susun-form")
  if (!form) return
  const byId = name => document.getElementById(name)

  const STORAGE_KEY = "susun-pengaduan"
  const MAILTO_MAX = 2000 // longer links are cut or refused by some mail apps and browsers
  const STATUS = {
    peserta: "Peserta penerima Kartu Prakerja",
    calon: "Calon peserta penerima Kartu Prakerja",
  }
  const MESSAGES = {
    nama: "Tulis nama lengkap Anda, sesuai KTP.",
    emailEmpty: "Tulis alamat email akun Prakerja Anda.",
    emailBad: "Alamat email ini belum lengkap. Periksa tanda @ dan nama domain sesudahnya, yang harus memuat titik.",
    telepon: "Nomor ini bukan nomor ponsel Indonesia. Tulis nomor yang diawali 08 atau +62, atau kosongkan.",
    status: "Pilih status kepesertaan Anda: peserta atau calon peserta.",
    tanggal: "Pilih tanggal Anda tahu akun diblokir. Perkiraan juga boleh.",
    tanggalNanti: "Tanggal ini belum lewat. Pilih hari ini atau tanggal sebelumnya.",
    rahasia: "Kode OTP, kata sandi dan PIN tidak ikut masuk ke teks, karena tidak boleh diberikan kepada siapa pun.",
  }
  const EMAIL_LABEL = {
    body: "Buka aplikasi email (alamat, subjek dan isi terisi)",
    subject: "Buka aplikasi email (hanya alamat dan subjek)",
  }

  /* --- secrets ------------------------------------------------------------------------ */

  // What a removed secret reads as in the reader's own texts.
  const HIDDEN = "(tidak saya tulis)"
  const MARK = "\u0000" // a removed secret while the rules run: one token, no digit
  // 4 to 8 digits, not part of a longer number, an amount or a date ("Maret 2024").
  const NUM = String.raw`(?<![\d.,/]|rp\s?|(?:januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|tahun)\s)\d{4,8}(?!\d|[.,/]\d)`
  const SEP = String.raw`[\s:=#-]`
  // A code up to three words after "OTP" or "kode" ("kode verifikasi saya: 4829"), or up
  // to two words before it ("482913 adalah kode OTP").
  const CODE_AFTER = new RegExp(String.raw`(\b(?:otp|kode)\b(?:${SEP}+[^\s\d]+){0,3}?${SEP}*)${NUM}`, "gi")
  const CODE_BEFORE = new RegExp(String.raw`${NUM}((?:${SEP}+[^\s\d]+){0,2}?${SEP}+(?:otp|kode)\b)`, "gi")
  // Six digits on their own are how OTP codes look (not an amount: "Rp600000").
  const SIX = /(?<![\d.,/]|rp\s?)\d{6}(?!\d|[.,/]\d)/gi
  const SECRET_WORD = /\b(?:pass\s?word|kata\s+sandi|pin)\b/gi
  // Words between the secret word and the secret ("PIN ATM saya: 771204").
  const LINKING = new Set(["saya", "ku", "nya", "-nya", "adalah", "yaitu", "ialah", "yakni", "ini", "itu",
    "baru", "lama", "akun", "atm", "prakerja", "email", "lagi", ":", "=", "-"])
  // Words after it that show no secret follows ("kata sandi kepada siapa pun").
  const NO_SECRET = new Set(["kepada", "ke", "pada", "atau", "dan", "dengan", "untuk", "yang", "di", "dari",
    "tidak", "tak", "belum", "sudah", "pernah", "juga", "pun", "karena", "saat", "ketika", "sendiri",
    "siapa", "siapapun", "apa", "apapun", "orang", "oleh", "otp", "kode", "salah", "lupa", "benar",
    "diganti", "berubah", "bisa", "dapat", "hilang", "direset", "reset", "harus", "akan", "sama", MARK])

  const bare = word => word.toLowerCase().replace(/^[("':=-]+|[,;:)"'.!?]+$/g, "")

  const hideAfterWords = text => {
    let out = ""
    let from = 0
    for (const found of text.matchAll(SECRET_WORD)) {
      if (found.index < from) continue
      const start = found.index + found[0].length
      const rest = text.slice(start)
      const stop = rest.search(/[.!?](?=\s|$)|\n/)
      const clause = stop < 0 ? rest : rest.slice(0, stop)
      const tokens = [...clause.matchAll(/\S+/g)]
      let n = 0
      while (n < tokens.length && (LINKING.has(bare(tokens[n][0])) || !bare(tokens[n][0]))) n += 1
      if (n === tokens.length || NO_SECRET.has(bare(tokens[n][0]))) continue
      const kept = text.slice(from, start + tokens[n].index)
      out += kept + (/\s$/.test(kept) ? "" : " ") + MARK
      from = start + clause.length
    }
    return out + text.slice(from)
  }

  // The text without secrets, and whether any was removed.
  const scrub = text => {
    if (!text) return { text, removed: false }
    let clean = hideAfterWords(text)
    for (let round = 0; round < 5; round += 1) {
      const before = clean
      clean = clean.replace(CODE_AFTER, `$1${MARK}`).replace(CODE_BEFORE, `${MARK}$1`)
      if (clean === before) break
    }
    clean = clean.replace(SIX, MARK)
    const removed = clean !== text
    return { text: removed ? clean.replace(/\u0000(?:\s*\u0000)*/g, HIDDEN) : text, removed }
  }

  /* --- the page's parts --------------------------------------------------------------- */

  const mailLinks = [...document.querySelectorAll("a[data-email]")]
  const mailBase = mailLinks[0].getAttribute("href") // the registry's address and subject
  const rows = byId("sp-kronologi")
  const rowTemplate = byId("sp-baris")
  const news = byId("sp-kabar")
  const cause = byId("sp-penyebab")
  const keep = byId("sp-simpan")
  const keepBlock = byId("sp-simpan-blok")
  const clearButton = byId("sp-hapus")
  const cleared = byId("sp-dihapus")
  const errorSummary = byId("sp-galat-ringkasan")
  const steps = [...form.querySelectorAll(".susun-langkah")]
  const summaryStep = byId("sp-periksa")
  const dateFormat = new Intl.DateTimeFormat("id-ID", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })

  const field = name => form.elements.namedItem(name)
  const text = name => (field(name).value || "").trim()
  const checked = name => {
    const box = form.querySelector(`input[name="${name}"]:checked`)
    return box ? box.value : ""
  }

  /* --- the reader's answers ----------------------------------------------------------- */

  // What is in the fields, as typed.
  const read = () => ({
    nama: text("nama"),
    email: text("email"),
    telepon: text("telepon"),
    status: checked("status"),
    penyebab: cause.value,
    pesan: checked("pesan"),
    pesanLain: text("pesan-lain"),
    tanggal: field("tanggal").value,
    alasan: text("alasan"),
    kronologi: [...rows.children].map(row => ({
      tanggal: row.querySelector("[name=kronologi-tanggal]").value,
      kejadian: row.querySelector("[name=kronologi]").value.trim(),
    })),
    bukti: [...form.querySelectorAll("input[name=bukti]:checked")].map(box => box.value),
  })

  // A field's value without secrets. A well-formed address or phone number holds none (and
  // may hold digits that look like a code).
  const scrubField = (name, value) => {
    if ((name === "email" && EMAIL.test(value)) || (name === "telepon" && MOBILE.test(phoneDigits(value))))
      return { text: value, removed: false }
    return scrub(value)
  }

  // The answers without secrets: what every output and the storage get.
  const clean = answers => ({
    ...answers,
    nama: scrubField("nama", answers.nama).text,
    email: scrubField("email", answers.email).text,
    telepon: scrubField("telepon", answers.telepon).text,
    pesanLain: scrubField("pesan-lain", answers.pesanLain).text,
    alasan: scrubField("alasan", answers.alasan).text,
    kronologi: answers.kronologi.map(row => ({ tanggal: row.tanggal, kejadian: scrubField("kronologi", row.kejadian).text })),
  })

  /* --- the texts ---------------------------------------------------------------------- */

  const or = (value, placeholder) => value || `[${placeholder}]`
  const date = iso => (iso ? dateFormat.format(new Date(`${iso}T00:00:00Z`)) : "[tanggal]")

  // The cause as a question in the reader's voice: she asks, she does not admit.
  const causeQuestion = () => {
    const option = cause.selectedOptions[0]
    const about = option && option.dataset.tanya
    return about
      ? `Apakah akun saya diblokir karena ${about}? Mohon jelaskan aturan yang menjadi dasar pemblokiran akun saya.`
      : "Saya tidak tahu mengapa akun saya diblokir. Mohon jelaskan alasannya dan aturan yang menjadi dasar pemblokiran."
  }

  const dashboardMessage = answers => {
    if (answers.pesan === "kecurangan")
      return form.querySelector("input[name=pesan][value=kecurangan]").dataset.teks
    if (answers.pesan === "lain") return or(answers.pesanLain, "tulis pesannya")
    return ""
  }

  const chronologyLines = answers => {
    const lines = answers.kronologi
      .filter(row => row.tanggal || row.kejadian)
      .map(row => (row.tanggal ? `${date(row.tanggal)} - ` : "") + or(row.kejadian, "kejadian"))
    const message = dashboardMessage(answers)
    lines.push(`${date(answers.tanggal)} - Akun saya diblokir.` + (message ? ` Pesan yang muncul: "${message}"` : ""))
    return lines.map((line, n) => `${n + 1}. ${line}`)
  }

  // The evidence ticked, as the reader's letter names it (first person).
  const evidence = answers =>
    [...form.querySelectorAll("input[name=bukti]")]
      .filter(box => answers.bukti.includes(box.value))
      .map(box => box.dataset.teks)

  const statusText = answers => STATUS[answers.status] || "[peserta / calon peserta penerima Kartu Prakerja]"

  const complaintText = answers => {
    const parts = [
      "Akun Prakerja saya diblokir. Saya merasa tidak melanggar Syarat dan Ketentuan.",
      causeQuestion(),
      `Kronologi:\n${chronologyLines(answers).join("\n")}`,
    ]
    if (answers.alasan) parts.push(`Saya merasa tidak melanggar karena: ${answers.alasan}`)
    const attached = evidence(answers)
    if (attached.length) parts.push(`Bukti yang saya lampirkan: ${attached.join("; ")}.`)
    parts.push("Mohon akun saya diperiksa kembali. Terima kasih.")
    return parts.join("\n\n")
  }

  const emailText = answers => {
    const identity = [
      `Nama lengkap (sesuai KTP): ${or(answers.nama, "nama lengkap")}`,
      `Email akun Prakerja: ${or(answers.email, "alamat email")}`,
    ]
    if (answers.telepon) identity.push(`Nomor ponsel terdaftar: ${answers.telepon}`)
    identity.push(`Status kepesertaan: ${statusText(answers)}`)
    const attached = evidence(answers)
    const parts = [
      "Yth. Tim Kartu Prakerja,",
      "Akun Prakerja saya diblokir. Saya merasa tidak melanggar Syarat dan Ketentuan.\n" +
        "Mohon akun saya diperiksa kembali.",
      identity.join("\n"),
      causeQuestion(),
      `Kronologi:\n${chronologyLines(answers).join("\n")}`,
    ]
    if (answers.alasan) parts.push(`Saya merasa tidak melanggar karena: ${answers.alasan}`)
    parts.push(`Lampiran:\n${(attached.length ? attached : ["[tangkapan layar pesan blokir]"]).map(a => `- ${a}`).join("\n")}`)
    parts.push("Terima kasih.", `Hormat saya,\n${or(answers.nama, "nama lengkap")}`)
    return parts.join("\n\n")
  }

  /* --- showing them ------------------------------------------------------------------- */

  const show = (name, value) => {
    const out = byId(name)
    if (out.textContent !== value) out.textContent = value
  }

  const showEvidence = answers => {
    const option = cause.selectedOptions[0]
    const verification = !(option && option.hasAttribute("data-tanpa-verifikasi"))
    let missing = 0
    for (const item of byId("sp-bukti").querySelectorAll("li[data-bukti]")) {
      const forWhom = item.dataset.untuk.split(" ")
      const relevant = forWhom.includes("semua") || forWhom.includes(answers.penyebab) ||
        (forWhom.includes("verifikasi") && verification)
      item.hidden = !relevant || answers.bukti.includes(item.dataset.bukti)
      if (!item.hidden) missing += 1
    }
    const group = byId("sp-bukti-verifikasi")
    group.hidden = !group.querySelector("li:not([hidden])")
    byId("sp-bukti-lengkap").hidden = missing > 0
  }

  // Every email link says what it opens: the body when the link stays short enough.
  const showMailLinks = body => {
    const full = `${mailBase}&body=${encodeURIComponent(body.replace(/\n/g, "\r\n"))}`
    const tooLong = full.length > MAILTO_MAX
    for (const link of mailLinks) {
      link.setAttribute("href", tooLong ? mailBase : full)
      const label = tooLong ? EMAIL_LABEL.subject : EMAIL_LABEL.body
      if (link.textContent !== label) link.textContent = label
      link.closest(".susun-kirim-email").querySelector(".susun-email-panjang").hidden = !tooLong
    }
  }

  const hasAnswers = answers =>
    Boolean(answers.nama || answers.email || answers.telepon || answers.status || answers.pesan ||
      answers.pesanLain || answers.tanggal || answers.alasan || answers.bukti.length ||
      answers.kronologi.some(row => row.tanggal || row.kejadian))

  /* --- keeping answers on this device ------------------------------------------------- */

  const storageOf = kind => {
    try {
      const store = window[kind]
      store.getItem(STORAGE_KEY)
      return store
    } catch {
      return null
    }
  }
  const session = storageOf("sessionStorage")
  const local = storageOf("localStorage")

  // Answers are kept only when there are some: after "Hapus semua jawaban" (or before the
  // first answer) nothing stays on the device, not even an empty form.
  const save = answers => {
    const kept = JSON.stringify(answers)
    try {
      if (!hasAnswers(answers)) {
        if (session) session.removeItem(STORAGE_KEY)
        if (local) local.removeItem(STORAGE_KEY)
        return
      }
      if (session) session.setItem(STORAGE_KEY, kept)
      if (local && keep.checked) local.setItem(STORAGE_KEY, kept)
    } catch {
      // A full or refused storage: the answers stay on the page.
    }
  }

  const update = () => {
    const raw = read()
    const answers = clean(raw)
    show("sp-f-data-diri", `Nama lengkap (sesuai KTP): ${or(answers.nama, "nama Anda")}` +
      (answers.telepon ? `\nNomor ponsel terdaftar: ${answers.telepon}` : ""))
    show("sp-f-email", or(answers.email, "email Anda"))
    show("sp-f-status", statusText(answers))
    show("sp-f-masalah", complaintText(answers))
    const body = emailText(answers)
    show("teks-email", body)
    showMailLinks(body)
    showEvidence(answers)
    clearButton.hidden = !hasAnswers(raw)
    save(answers)
    return answers
  }

  /* --- checking the answers (GOV.UK: a summary at the top, the message at the field) --- */

  const pad = n => String(n).padStart(2, "0")
  const today = () => {
    const now = new Date()
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
  }
  // A domain with a dot after the @ ("nama@gmail" is not an address).
  const EMAIL = /^[^\s@]+@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/i
  // An Indonesian mobile number, the rule of the phonenumbers library (national number
  // 8[1-35-9] and 7 to 10 more digits), written 08..., 628... or +628... in digits. (The
  // library also reads letters as a phone keypad's, "0812-abc-7890"; a letter to Prakerja
  // would then carry the letters, so the page refuses them.)
  const MOBILE = /^(?:\+?62|0)8[1-35-9]\d{7,10}$/
  const phoneDigits = value => value.replace(/[\s().-]/g, "")

  const errorOf = {
    nama: input => (input.value.trim() ? "" : MESSAGES.nama),
    email: input => {
      const value = input.value.trim()
      if (!value) return MESSAGES.emailEmpty
      return input.validity.typeMismatch || !EMAIL.test(value) ? MESSAGES.emailBad : ""
    },
    telepon: input => {
      const value = input.value.trim()
      return !value || MOBILE.test(phoneDigits(value)) ? "" : MESSAGES.telepon
    },
    status: () => (checked("status") ? "" : MESSAGES.status),
    tanggal: input => (!input.value ? MESSAGES.tanggal : input.value > today() ? MESSAGES.tanggalNanti : ""),
  }
  const STEP_OF = { nama: "1", email: "1", telepon: "1", status: "2", tanggal: "3" }

  const inputsOf = name => (name === "status" ? [...form.querySelectorAll("input[name=status]")] : [field(name)])

  const setError = (name, message) => {
    byId(`sp-${name}-galat`).textContent = message
    for (const input of inputsOf(name)) {
      if (message) input.setAttribute("aria-invalid", "true")
      else input.removeAttribute("aria-invalid")
    }
    return message
  }

  const validate = name => setError(name, errorOf[name](field(name)))

  const hideErrorSummary = () => {
    errorSummary.hidden = true
    byId("sp-galat-daftar").replaceChildren()
  }

  const showErrorSummary = names => {
    const list = byId("sp-galat-daftar")
    list.replaceChildren(...names.map(name => {
      const item = document.createElement("li")
      const link = document.createElement("a")
      link.href = `#${inputsOf(name)[0].id}`
      link.textContent = byId(`sp-${name}-galat`).textContent
      item.append(link)
      return item
    }))
    errorSummary.hidden = false
    scrollToTop(errorSummary)
    errorSummary.focus({ preventScroll: true })
  }

  // Notes next to a field from which a secret was removed.
  const warn = input => {
    const note = input.name === "kronologi"
      ? input.closest("li").querySelector(".susun-awas")
      : byId(`sp-${input.name}-awas`)
    if (!note) return
    const message = scrubField(input.name, input.value.trim()).removed ? MESSAGES.rahasia : ""
    if (note.textContent !== message) note.textContent = message
  }

  /* --- the steps ---------------------------------------------------------------------- */

  let current = steps[0]
  let backToSummary = false
  let pushed = 0 // history entries this page added (the Back button goes through them)

  const header = document.querySelector(".md-header")
  const scrollToTop = element => {
    const top = element.getBoundingClientRect().top + window.scrollY - (header ? header.offsetHeight : 0) - 8
    window.scrollTo(0, Math.max(0, top))
  }

  const stepOf = id => steps.find(step => step.dataset.langkah === String(id)) || steps[0]
  const indexOf = step => steps.indexOf(step)

  const summaryRows = answers => {
    const option = cause.selectedOptions[0]
    const events = answers.kronologi.filter(row => row.tanggal || row.kejadian)
      .map(row => (row.tanggal ? `${date(row.tanggal)} - ` : "") + (row.kejadian || "(kejadian belum ditulis)"))
    const message = dashboardMessage(answers)
    const ticked = [...form.querySelectorAll("input[name=bukti]:checked")].map(box => box.closest("label").textContent.trim())
    const firstRow = rows.querySelector("[name=kronologi]")
    return [
      ["Nama lengkap", answers.nama, field("nama")],
      ["Alamat email", answers.email, field("email")],
      ["Nomor ponsel", answers.telepon || "Tidak diisi", field("telepon")],
      ["Status kepesertaan", STATUS[answers.status] || "Belum dipilih", form.querySelector("input[name=status]")],
      ["Penyebab menurut Anda", option ? option.textContent.trim() : "", cause],
      ["Tanggal Anda tahu akun diblokir", answers.tanggal ? date(answers.tanggal) : "Belum diisi", field("tanggal")],
      ["Pesan di dasbor", message || "Tidak ada, atau tidak ingat", form.querySelector("input[name=pesan]:checked") || form.querySelector("input[name=pesan]")],
      ["Kejadian sebelumnya", events.join("\n") || "Tidak diisi", firstRow],
      ["Mengapa Anda merasa tidak melanggar", answers.alasan || "Tidak diisi", field("alasan")],
      ["Bukti yang sudah ada", ticked.join("\n") || "Belum ada", form.querySelector("input[name=bukti]")],
    ]
  }

  const showSummary = () => {
    const list = byId("sp-ringkas")
    list.replaceChildren(...summaryRows(clean(read())).map(([question, answer, input]) => {
      const row = document.createElement("div")
      row.className = "susun-ringkas__baris"
      const term = document.createElement("dt")
      term.textContent = question
      const value = document.createElement("dd")
      value.textContent = answer
      const action = document.createElement("dd")
      action.className = "susun-ringkas__ubah"
      const link = document.createElement("a")
      link.href = `#${input.id}`
      link.dataset.ubah = input.closest(".susun-langkah").dataset.langkah
      link.append("Ubah")
      const hidden = document.createElement("span")
      hidden.className = "susun-tersembunyi"
      hidden.textContent = ` ${question.toLowerCase()}`
      link.append(hidden)
      action.append(link)
      row.append(term, value, action)
      return row
    }))
  }

  const showStep = (step, { history: how = "push", focus = "heading" } = {}) => {
    hideErrorSummary()
    for (const each of steps) each.hidden = each !== step
    current = step
    keepBlock.hidden = !(step === steps[0] || step === summaryStep)
    if (step === summaryStep) {
      backToSummary = false
      showSummary()
    }
    const state = { langkah: step.dataset.langkah }
    if (how === "push") {
      history.pushState(state, "")
      pushed += 1
    } else if (how === "replace") {
      history.replaceState(state, "")
    }
    if (focus === "heading") {
      scrollToTop(step)
      step.querySelector(".susun-langkah__judul").focus({ preventScroll: true })
    } else if (focus) {
      focus.focus({ preventScroll: true })
      scrollToTop(focus.closest(".susun-isian, li, fieldset") || focus)
    }
  }

  const goNext = () => {
    const here = current.dataset.langkah
    const problems = Object.keys(errorOf).filter(name => STEP_OF[name] === here && validate(name))
    if (problems.length) {
      showErrorSummary(problems)
      return
    }
    // Back to the summary after an "Ubah": that detour took the summary's place in the
    // history (below), and the summary takes it back, so the Back button still walks the
    // steps in order (summary, 5, 4, ...).
    if (backToSummary) showStep(summaryStep, { history: "replace" })
    else showStep(steps[indexOf(current) + 1])
  }

  const goBack = () => {
    if (backToSummary) {
      // "Kembali" from a step opened with "Ubah" leads back to the summary it came from.
      showStep(summaryStep, { history: "replace" })
      return
    }
    if (pushed > 0 && history.state && history.state.langkah === current.dataset.langkah) {
      history.back() // the step before comes back through popstate
      return
    }
    showStep(steps[Math.max(0, indexOf(current) - 1)], { history: "replace" })
  }

  window.addEventListener("popstate", event => {
    const id = event.state && event.state.langkah
    if (!id) return // a jump to a section of the page, not a step
    pushed = Math.max(0, pushed - 1)
    const step = stepOf(id)
    if (step !== current) showStep(step, { history: false })
  })

  /* --- chronology rows ---------------------------------------------------------------- */

  let rowCounter = 0

  const renumber = () => {
    ;[...rows.children].forEach((row, index) => {
      const n = index + 1
      row.querySelector("[data-label=tanggal]").textContent = `Tanggal kejadian ${n}`
      row.querySelector("[data-label=kejadian]").textContent = `Kejadian ${n}`
      row.querySelector(".susun-hapus-baris").setAttribute("aria-label", `Hapus kejadian ${n}`)
    })
  }

  const addRow = (values = {}) => {
    const row = rowTemplate.content.firstElementChild.cloneNode(true)
    rowCounter += 1
    const key = `sp-k${rowCounter}`
    const [dateLabel, eventLabel] = row.querySelectorAll("label")
    const dateInput = row.querySelector("[name=kronologi-tanggal]")
    const eventInput = row.querySelector("[name=kronologi]")
    dateInput.setAttribute("id", `${key}-tanggal`)
    eventInput.setAttribute("id", `${key}-kejadian`)
    dateLabel.htmlFor = `${key}-tanggal`
    eventLabel.htmlFor = `${key}-kejadian`
    row.querySelector(".susun-awas").setAttribute("id", `${key}-awas`)
    eventInput.setAttribute("aria-describedby", `sp-kronologi-petunjuk ${key}-awas`)
    dateInput.max = today()
    dateInput.value = values.tanggal || ""
    eventInput.value = values.kejadian || ""
    rows.append(row)
    renumber()
    warn(eventInput)
    return row
  }

  const removeRow = row => {
    const next = row.nextElementSibling || row.previousElementSibling
    row.remove()
    if (!rows.children.length) addRow()
    renumber()
    const target = next && next.isConnected ? next.querySelector("input") : rows.querySelector("input")
    target.focus()
  }

  /* --- putting answers back (a reload, a kept copy, an undo) -------------------------- */

  const apply = answers => {
    for (const name of ["nama", "email", "telepon", "pesan-lain", "tanggal", "alasan"]) {
      const key = name === "pesan-lain" ? "pesanLain" : name
      field(name).value = typeof answers[key] === "string" ? answers[key] : ""
    }
    for (const name of ["status", "pesan"]) {
      for (const box of form.querySelectorAll(`input[name=${name}]`)) box.checked = box.value === (answers[name] || "")
    }
    cause.value = [...cause.options].some(option => option.value === answers.penyebab) ? answers.penyebab : "tidak-tahu"
    const evidenceKept = Array.isArray(answers.bukti) ? answers.bukti : []
    for (const box of form.querySelectorAll("input[name=bukti]")) box.checked = evidenceKept.includes(box.value)
    rows.replaceChildren()
    for (const row of Array.isArray(answers.kronologi) ? answers.kronologi : []) {
      if (row && typeof row === "object")
        addRow({ tanggal: String(row.tanggal || ""), kejadian: String(row.kejadian || "") })
    }
    if (!rows.children.length) addRow()
    for (const input of form.querySelectorAll("input[type=text], input[type=email], input[type=tel], textarea")) warn(input)
  }

  const kept = store => {
    if (!store) return null
    try {
      const answers = JSON.parse(store.getItem(STORAGE_KEY) || "null")
      return answers && typeof answers === "object" ? answers : null
    } catch {
      return null
    }
  }

  /* --- deleting everything, with a way back ------------------------------------------- */

  let undo = null

  const clearAll = () => {
    undo = { answers: read(), keep: keep.checked, step: current }
    try {
      if (session) session.removeItem(STORAGE_KEY)
      if (local) local.removeItem(STORAGE_KEY)
    } catch {
      // nothing kept to delete
    }
    form.reset()
    keep.checked = false
    rows.replaceChildren()
    addRow()
    for (const name of Object.keys(errorOf)) setError(name, "")
    for (const note of form.querySelectorAll(".susun-awas")) note.textContent = ""
    byId("sp-penyebab-dari").hidden = true
    update()
    showStep(steps[0], { history: "replace", focus: false })
    cleared.hidden = false
    scrollToTop(cleared)
    byId("sp-dihapus-teks").focus({ preventScroll: true })
    news.textContent = byId("sp-dihapus-teks").textContent
  }

  const undoClear = () => {
    if (!undo) return
    apply(undo.answers)
    keep.checked = undo.keep
    const step = undo.step
    undo = null
    cleared.hidden = true
    update()
    showStep(step, { history: "replace" })
    news.textContent = "Jawaban Anda sudah dikembalikan."
  }

  const forgetUndo = () => {
    if (!undo) return
    undo = null
    cleared.hidden = true
  }

  /* --- copying ------------------------------------------------------------------------ */

  const copy = async value => {
    try {
      await navigator.clipboard.writeText(value)
      return true
    } catch {
      // No clipboard API (an older browser, or no permission): copy from a selection.
      const area = document.createElement("textarea")
      area.value = value
      area.setAttribute("readonly", "")
      area.className = "susun-tersembunyi"
      document.body.append(area)
      area.select()
      const done = document.execCommand("copy")
      area.remove()
      return done
    }
  }

  const copyFrom = async button => {
    const done = await copy(byId(button.dataset.salin).textContent)
    const what = button.getAttribute("aria-label").replace(new RegExp(`^${button.dataset.label} `), "")
    news.textContent = done ? `Tersalin: ${what}.` : "Gagal menyalin. Tekan lama pada teks untuk memilih dan menyalinnya."
    button.textContent = done ? "Tersalin" : "Gagal"
    button.classList.toggle("susun-salin--tersalin", done)
    window.setTimeout(() => {
      button.textContent = button.dataset.label
      button.classList.remove("susun-salin--tersalin")
    }, 2000)
  }

  /* --- wiring ------------------------------------------------------------------------- */

  const TYPED = new Set(["text", "email", "tel", "textarea"])

  form.addEventListener("input", event => {
    const input = event.target
    if (input === keep) return
    forgetUndo()
    if (input.name in errorOf && input.getAttribute("aria-invalid") === "true") validate(input.name)
    if (TYPED.has(input.type)) warn(input)
    // Writing another message chooses "Pesan lain".
    if (input.name === "pesan-lain" && input.value.trim())
      form.querySelector("input[name=pesan][value=lain]").checked = true
    update()
  })
  form.addEventListener("change", event => {
    const input = event.target
    if (input === keep) {
      if (keep.checked) save(clean(read()))
      else if (local) local.removeItem(STORAGE_KEY)
      news.textContent = keep.checked
        ? "Jawaban disimpan di perangkat ini."
        : "Jawaban tidak disimpan lagi setelah halaman ditutup."
      return
    }
    if (input.name === "status") validate("status")
    if (input === cause) byId("sp-penyebab-dari").hidden = true
    update()
  })
  // Leaving a field checks it, except on the way to "Lanjut" or "Kembali": "Lanjut" checks
  // the whole step itself, and a message appearing on the way would move the button from
  // under the finger before the tap ends (the tap would then go nowhere).
  form.addEventListener("focusout", event => {
    const input = event.target
    const to = event.relatedTarget
    if (to instanceof Element && to.closest("[data-lanjut], [data-kembali]")) return
    if (input.name in errorOf && input.name !== "status" && (input.value || input.getAttribute("aria-invalid")))
      validate(input.name)
  })
  // Enter in a field goes to the next field of the step, and from the last one to the next
  // step (a phone's "Go" key); it never submits anything.
  form.addEventListener("keydown", event => {
    const input = event.target
    if (event.key !== "Enter" || event.isComposing || !(input instanceof HTMLInputElement)) return
    if (["checkbox", "radio", "button"].includes(input.type)) return
    event.preventDefault()
    const fields = [...current.querySelectorAll("input, select, textarea")]
      .filter(f => !f.disabled && f.type !== "radio" && f.type !== "checkbox" && f.getClientRects().length)
    const next = fields[fields.indexOf(input) + 1]
    if (next) next.focus()
    else goNext()
  })
  form.addEventListener("submit", event => event.preventDefault()) // nothing can, but never
  form.addEventListener("click", event => {
    const target = event.target
    if (target.closest("[data-lanjut]")) {
      goNext()
    } else if (target.closest("[data-kembali]")) {
      goBack()
    } else if (target.closest("[data-ubah]")) {
      event.preventDefault()
      const link = target.closest("[data-ubah]")
      backToSummary = true
      showStep(stepOf(link.dataset.ubah), { history: "replace", focus: byId(link.getAttribute("href").slice(1)) })
    } else if (target.closest("#sp-galat-daftar a")) {
      event.preventDefault()
      const input = byId(target.closest("a").getAttribute("href").slice(1))
      input.focus({ preventScroll: true })
      scrollToTop(input.closest(".susun-isian, fieldset") || input)
    } else if (target.closest(".susun-hapus-baris")) {
      removeRow(target.closest("li"))
      update()
    }
  })
  byId("sp-tambah").addEventListener("click", () => {
    addRow().querySelector("input").focus()
    update()
  })
  clearButton.addEventListener("click", clearAll)
  byId("sp-batal-hapus").addEventListener("click", undoClear)
  for (const button of document.querySelectorAll("button[data-salin]")) {
    button.addEventListener("click", () => copyFrom(button))
  }

  /* --- start -------------------------------------------------------------------------- */

  if (!local) {
    keep.disabled = true
    keep.closest("label").append(" (Penyimpanan tidak tersedia di sini.)")
  }
  field("tanggal").max = today()
  const fromSession = kept(session)
  const fromDevice = fromSession ? null : kept(local)
  const restored = fromSession || fromDevice
  keep.checked = Boolean(kept(local))
  rows.replaceChildren()
  if (restored) apply(restored)
  else addRow()
  // Arriving from a cause page (?penyebab=<page>): that cause is chosen. Anything else in
  // the address is ignored and never shown.
  const asked = new URLSearchParams(window.location.search).get("penyebab")
  if (asked && asked !== cause.value && [...cause.options].some(option => option.value === asked)) {
    cause.value = asked
    byId("sp-penyebab-dari").hidden = false
  }
  const answers = update()
  const stateStep = history.state && history.state.langkah
  const complete = () => Object.keys(errorOf).every(name => !errorOf[name](field(name)))
  // The step the reader was on (a reload), if her answers came back with it; else the first
  // step, or the summary when the answers kept on the device are complete.
  const first = restored && stateStep ? stepOf(stateStep) : fromDevice && complete() ? summaryStep : steps[0]
  showStep(first, { history: "replace", focus: false })
  if (restored && hasAnswers(answers)) news.textContent = "Jawaban Anda yang tersimpan sudah dimuat."

  form.removeAttribute("inert")
  document.documentElement.classList.add("susun-siap")
})()
