/* The complaint builder of /susun-pengaduan/: fills in the texts for the official
   complaint form and the email as the reader types. Loaded on that page only
   (overrides/susun-pengaduan.html); it needs nothing of the theme's script.

   - It reads every fixed text it needs from the page (overrides/partials/susun-pengaduan.html):
     the email link with the registry's address and subject, the causes, the evidence and
     the dashboard message. It holds no contact detail of its own (the build's contact
     checker scans this file too).
   - Reader input is text, never markup: outputs are set with textContent only.
   - Nothing leaves the device: no request is made; what is kept (opt-in) stays in this
     browser's localStorage, and one button deletes it. */
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
    emailBad: "Alamat email ini belum benar. Periksa tanda @ dan nama domain sesudahnya.",
    status: "Pilih status kepesertaan Anda: peserta atau calon peserta.",
    tanggal: "Pilih tanggal Anda tahu akun diblokir. Perkiraan juga boleh.",
    otp: "Ini tampak seperti kode OTP. Jangan pernah menulis kode OTP di pengaduan.",
    sandi: "Jangan pernah menulis kata sandi di pengaduan.",
  }
  const OTP = /(^|\D)\d{6}(?!\d)/
  const SANDI = /pass\s*word|kata\s*sandi|\bsandi\b|\bpin\b/i

  const mailLink = byId("tautan-email")
  const mailBase = mailLink.getAttribute("href") // the registry's address and subject
  const rows = byId("sp-kronologi")
  const rowTemplate = byId("sp-baris")
  const news = byId("sp-kabar")
  const summary = byId("sp-ringkasan")
  const dateFormat = new Intl.DateTimeFormat("id-ID", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })

  const field = name => form.elements.namedItem(name)
  const text = name => (field(name).value || "").trim()
  const checked = name => {
    const box = form.querySelector(`input[name="${name}"]:checked`)
    return box ? box.value : ""
  }
  const labelOf = input => input.closest("label").textContent.trim()

  /* --- the reader's answers ----------------------------------------------------------- */

  const read = () => ({
    nama: text("nama"),
    email: text("email"),
    telepon: text("telepon"),
    status: checked("status"),
    penyebab: field("penyebab").value,
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

  /* --- the texts ---------------------------------------------------------------------- */

  const or = (value, placeholder) => value || `[${placeholder}]`
  const date = iso => (iso ? dateFormat.format(new Date(`${iso}T00:00:00Z`)) : "[tanggal]")

  const causeText = answers => {
    const option = field("penyebab").selectedOptions[0]
    const label = option ? option.textContent.trim() : ""
    return label.charAt(0).toLowerCase() + label.slice(1)
  }

  const dashboardMessage = answers => {
    if (answers.pesan === "kecurangan")
      return form.querySelector("input[name=pesan][value=kecurangan]").dataset.teks
    if (answers.pesan === "lain") return or(answers.pesanLain, "tulis pesannya")
    return ""
  }

  const chronology = answers => {
    const lines = answers.kronologi
      .filter(row => row.tanggal || row.kejadian)
      .map(row => (row.tanggal ? `${date(row.tanggal)} - ` : "") + or(row.kejadian, "kejadian"))
    const message = dashboardMessage(answers)
    lines.push(`${date(answers.tanggal)} - Akun saya diblokir.` + (message ? ` Pesan yang muncul: "${message}"` : ""))
    return lines.map((line, n) => `${n + 1}. ${line}`).join("\n")
  }

  const evidence = answers =>
    [...form.querySelectorAll("input[name=bukti]")].filter(box => answers.bukti.includes(box.value)).map(labelOf)

  const statusText = answers => STATUS[answers.status] || "[peserta / calon peserta penerima Kartu Prakerja]"

  const complaintText = answers => {
    const parts = [
      "Akun Prakerja saya diblokir. Saya merasa tidak melanggar Syarat dan Ketentuan.\n" +
        `Dugaan penyebab: ${causeText(answers)}.`,
      `Kronologi:\n${chronology(answers)}`,
    ]
    if (answers.alasan) parts.push(`Saya merasa tidak melanggar karena: ${answers.alasan}`)
    const attached = evidence(answers)
    if (attached.length) parts.push(`Bukti yang saya lampirkan: ${attached.join("; ")}.`)
    parts.push("Mohon akun saya diperiksa kembali. Terima kasih.")
    return parts.join("\n\n")
  }

  const emailText = answers => {
    const identity = [
      `Nama lengkap (sesuai KTP): ${or(answers.nama, "nama Anda")}`,
      `Email akun Prakerja: ${or(answers.email, "email Anda")}`,
    ]
    if (answers.telepon) identity.push(`Nomor ponsel terdaftar: ${answers.telepon}`)
    identity.push(`Status kepesertaan: ${statusText(answers)}`, `Dugaan penyebab: ${causeText(answers)}`)
    const attached = evidence(answers)
    const parts = [
      "Yth. Tim Kartu Prakerja,",
      "Akun Prakerja saya diblokir. Saya merasa tidak melanggar Syarat dan Ketentuan.\n" +
        "Mohon akun saya diperiksa kembali.",
      identity.join("\n"),
      `Kronologi:\n${chronology(answers)}`,
    ]
    if (answers.alasan) parts.push(`Saya merasa tidak melanggar karena: ${answers.alasan}`)
    parts.push(`Lampiran:\n${(attached.length ? attached : ["[tangkapan layar pesan blokir]"]).map(a => `- ${a}`).join("\n")}`)
    parts.push("Terima kasih.", `Hormat saya,\n${or(answers.nama, "nama Anda")}`)
    return parts.join("\n\n")
  }

  /* --- showing them ------------------------------------------------------------------- */

  const show = (name, value) => {
    const out = byId(name)
    if (out.textContent !== value) out.textContent = value
  }

  const showEvidence = answers => {
    const verification = !["prosedur-tidak-selesai", "terlambat-membeli-pelatihan", "manipulasi-sistem"].includes(answers.penyebab)
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

  const showMailLink = body => {
    const full = `${mailBase}&body=${encodeURIComponent(body.replace(/\n/g, "\r\n"))}`
    const tooLong = full.length > MAILTO_MAX
    mailLink.setAttribute("href", tooLong ? mailBase : full)
    byId("sp-email-panjang").hidden = !tooLong
  }

  const update = () => {
    const answers = read()
    show("sp-f-data-diri", `Nama lengkap (sesuai KTP): ${or(answers.nama, "nama Anda")}` +
      (answers.telepon ? `\nNomor ponsel terdaftar: ${answers.telepon}` : ""))
    show("sp-f-email", or(answers.email, "email Anda"))
    show("sp-f-status", statusText(answers))
    show("sp-f-masalah", complaintText(answers))
    const body = emailText(answers)
    show("teks-email", body)
    showMailLink(body)
    showEvidence(answers)
    return answers
  }

  /* --- checking the answers ----------------------------------------------------------- */

  const errorOf = {
    nama: input => (input.value.trim() ? "" : MESSAGES.nama),
    email: input => (!input.value.trim() ? MESSAGES.emailEmpty : input.validity.typeMismatch ? MESSAGES.emailBad : ""),
    tanggal: input => (input.value ? "" : MESSAGES.tanggal),
    status: () => (checked("status") ? "" : MESSAGES.status),
  }

  const setError = (name, message) => {
    byId(`sp-${name}-galat`).textContent = message
    const inputs = name === "status" ? form.querySelectorAll("input[name=status]") : [field(name)]
    for (const input of inputs) {
      if (message) input.setAttribute("aria-invalid", "true")
      else input.removeAttribute("aria-invalid")
    }
    return message
  }

  const validate = name => setError(name, errorOf[name](field(name)))

  // Warns next to a field that seems to hold an OTP code or a password.
  const warn = input => {
    const note = input.name === "kronologi"
      ? input.closest("li").querySelector(".susun-awas")
      : byId(`sp-${input.name}-awas`)
    if (!note) return
    const value = input.value
    const otp = input.type !== "tel" && input.type !== "date" && OTP.test(value)
    note.textContent = SANDI.test(value) ? MESSAGES.sandi : otp ? MESSAGES.otp : ""
  }

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

  /* --- keeping answers on this device (opt-in) ---------------------------------------- */

  const keep = byId("sp-simpan")

  const storage = (() => {
    try {
      const store = window.localStorage
      store.getItem(STORAGE_KEY)
      return store
    } catch {
      return null
    }
  })()

  const save = answers => {
    if (storage && keep.checked) storage.setItem(STORAGE_KEY, JSON.stringify(answers))
  }

  const restore = () => {
    let answers = null
    try {
      answers = JSON.parse(storage.getItem(STORAGE_KEY) || "null")
    } catch {
      answers = null
    }
    if (!answers || typeof answers !== "object") return false
    for (const name of ["nama", "email", "telepon", "pesan-lain", "tanggal", "alasan"]) {
      const key = name === "pesan-lain" ? "pesanLain" : name
      if (typeof answers[key] === "string") field(name).value = answers[key]
    }
    for (const name of ["status", "pesan"]) {
      for (const box of form.querySelectorAll(`input[name=${name}]`)) box.checked = box.value === answers[name]
    }
    if ([...field("penyebab").options].some(option => option.value === answers.penyebab))
      field("penyebab").value = answers.penyebab
    const evidenceKept = Array.isArray(answers.bukti) ? answers.bukti : []
    for (const box of form.querySelectorAll("input[name=bukti]")) box.checked = evidenceKept.includes(box.value)
    rows.replaceChildren()
    for (const row of Array.isArray(answers.kronologi) ? answers.kronologi : []) {
      if (row && typeof row === "object")
        addRow({ tanggal: String(row.tanggal || ""), kejadian: String(row.kejadian || "") })
    }
    return true
  }

  const forget = () => {
    if (storage) storage.removeItem(STORAGE_KEY)
    keep.checked = false
    form.reset()
    rows.replaceChildren()
    addRow()
    for (const name of Object.keys(errorOf)) setError(name, "")
    for (const note of form.querySelectorAll(".susun-awas")) note.textContent = ""
    summary.textContent = ""
    update()
    news.textContent = "Semua isian sudah dihapus dari perangkat ini."
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

  /* --- wiring ------------------------------------------------------------------------- */

  form.addEventListener("input", event => {
    const input = event.target
    if (input.name in errorOf && input.getAttribute("aria-invalid") === "true") validate(input.name)
    if (input.type === "text" || input.type === "email" || input.type === "tel" || input.tagName === "TEXTAREA") warn(input)
    if (input === keep) return
    // Writing another message chooses "Pesan lain".
    if (input.name === "pesan-lain" && input.value.trim())
      form.querySelector("input[name=pesan][value=lain]").checked = true
    save(update())
  })
  form.addEventListener("change", event => {
    const input = event.target
    if (input === keep) {
      if (!storage) return
      if (keep.checked) save(read())
      else storage.removeItem(STORAGE_KEY)
      news.textContent = keep.checked ? "Isian disimpan di perangkat ini." : "Isian tidak disimpan lagi."
      return
    }
    if (input.name === "status") validate("status")
    save(update())
  })
  form.addEventListener("focusout", event => {
    const input = event.target
    if (input.name in errorOf && input.name !== "status" && (input.value || input.getAttribute("aria-invalid")))
      validate(input.name)
  })
  form.addEventListener("submit", event => {
    event.preventDefault()
    const problems = Object.keys(errorOf).filter(name => validate(name))
    if (problems.length) {
      summary.textContent = `Ada ${problems.length} isian yang perlu diperbaiki. Pesannya ada di bawah setiap isian.`
      const first = problems[0] === "status" ? form.querySelector("input[name=status]") : field(problems[0])
      first.focus()
    } else {
      summary.textContent = "Isian lengkap. Salin teks di bawah ini ke formulir resmi atau ke email."
      summary.focus()
    }
  })
  byId("sp-tambah").addEventListener("click", () => {
    addRow().querySelector("input").focus()
    save(update())
  })
  rows.addEventListener("click", event => {
    const button = event.target.closest(".susun-hapus-baris")
    if (!button) return
    removeRow(button.closest("li"))
    save(update())
  })
  byId("sp-hapus").addEventListener("click", forget)
  for (const button of document.querySelectorAll("button[data-salin]")) {
    button.addEventListener("click", async () => {
      const done = await copy(byId(button.dataset.salin).textContent)
      const what = button.getAttribute("aria-label").replace(/^Salin /, "")
      news.textContent = done ? `Tersalin: ${what}.` : "Gagal menyalin. Tekan lama pada teks untuk memilih dan menyalinnya."
      button.textContent = done ? "Tersalin" : "Gagal"
      window.setTimeout(() => {
        button.textContent = "Salin"
      }, 2000)
    })
  }

  if (!storage) {
    keep.disabled = true
    keep.closest("label").append(" (Penyimpanan peramban tidak tersedia di sini.)")
  }
  const restored = storage ? restore() : false
  keep.checked = restored
  if (!restored) {
    rows.replaceChildren()
    addRow()
  }
  if (!rows.children.length) addRow()
  update()
})()
