"""Demo assessment content for Bimtek Dasar PSM.

Pure data, loaded by ``demo.assessments``: competency units, a question bank for the pre-test and
post-test, an observation rubric for the skills module on accompaniment and an attitude (Likert)
instrument for the values and ethics module. Questions follow the lessons in
``demo.content`` (course "bimtek-dasar-psm"); all people are fictional.
"""

# -----------------------------------------------------------------------------
# Competency units
# -----------------------------------------------------------------------------

UNITS = [
    {
        "code": "PSM.01",
        "title": "Memahami landasan hukum, kedudukan, tugas, dan fungsi PSM",
        "description": (
            "Unit ini mencakup pengetahuan tentang UU No. 11 Tahun 2009 tentang Kesejahteraan "
            "Sosial dan Permensos No. 10 Tahun 2019 tentang Pekerja Sosial Masyarakat, "
            "persyaratan menjadi PSM, tugas dan fungsi PSM, serta IPSM sebagai wadah bersama."
        ),
        "elements": [
            "Menjelaskan landasan hukum penyelenggaraan kesejahteraan sosial dan PSM",
            "Menjelaskan kedudukan dan persyaratan PSM",
            "Menerapkan tugas dan fungsi PSM dalam kegiatan di desa atau kelurahan",
        ],
        "performance_criteria": [
            "Menyebutkan UU No. 11 Tahun 2009 dan Permensos No. 10 Tahun 2019 beserta isi "
            "pokoknya dengan benar",
            "Menjelaskan persyaratan menjadi PSM dan pembagian bimtek dasar (kabupaten/kota) "
            "dan bimtek lanjutan (provinsi)",
            "Memberikan contoh kegiatan desa untuk setiap fungsi PSM: inisiator, motivator, "
            "dinamisator, fasilitator, dan administrator",
        ],
    },
    {
        "code": "PSM.02",
        "title": "Mengidentifikasi PPKS, PSKS, dan masalah sosial di desa",
        "description": (
            "Unit ini mencakup kemampuan mengenali Pemerlu Pelayanan Kesejahteraan Sosial "
            "(PPKS) dan Potensi dan Sumber Kesejahteraan Sosial (PSKS), memetakan masalah dan "
            "sumber daya sosial desa, serta melakukan asesmen sederhana individu dan keluarga."
        ),
        "elements": [
            "Membedakan PPKS dan PSKS di desa atau kelurahan",
            "Melakukan pemetaan sosial desa",
            "Melakukan asesmen sederhana individu dan keluarga",
        ],
        "performance_criteria": [
            "Menggolongkan contoh situasi warga ke jenis masalah sosial yang sesuai tanpa "
            "memberi label yang merendahkan",
            "Menyusun peta sosial desa yang menandai rumah tangga dengan kode, bukan nama",
            "Menggali kebutuhan dasar, kesehatan, pendidikan dan pekerjaan, hubungan sosial, "
            "dan keselamatan keluarga dengan pertanyaan terbuka",
            "Menggambar genogram dan ekomap sederhana dari hasil asesmen",
        ],
    },
    {
        "code": "PSM.03",
        "title": "Mendampingi individu, keluarga, kelompok, dan masyarakat",
        "description": (
            "Unit ini mencakup pelaksanaan kunjungan rumah, mendengarkan aktif, fasilitasi "
            "kelompok warga, serta penerapan etika pendampingan, terutama persetujuan warga dan "
            "kerahasiaan klien."
        ),
        "elements": [
            "Melakukan kunjungan rumah sesuai tahapannya",
            "Menerapkan mendengarkan aktif",
            "Memfasilitasi kelompok dan masyarakat",
            "Menerapkan etika pendampingan dan menjaga kerahasiaan klien",
        ],
        "performance_criteria": [
            "Membuka kunjungan dengan memperkenalkan diri, menjelaskan peran dan tujuan, serta "
            "meminta izin",
            "Mendengarkan tanpa memotong, mengulang inti cerita, dan mengajukan pertanyaan terbuka",
            "Menyepakati langkah berikutnya bersama warga beserta waktunya",
            "Meminta persetujuan warga sebelum mendata, memotret, atau merujuk, dan tidak "
            "membicarakan masalah warga kepada pihak yang tidak terlibat",
        ],
    },
    {
        "code": "PSM.04",
        "title": "Merujuk warga dan membangun jejaring layanan",
        "description": (
            "Unit ini mencakup pemanfaatan SLRT dan Puskesos, alur rujukan sederhana, "
            "pemutakhiran DTKS, serta pendampingan usul dan sanggah melalui Cek Bansos."
        ),
        "elements": [
            "Melakukan rujukan sesuai alur",
            "Mendukung kemutakhiran data DTKS",
            "Mendampingi usul dan sanggah melalui Cek Bansos",
        ],
        "performance_criteria": [
            "Menjelaskan tujuan rujukan dan data yang akan dibagikan, lalu meminta persetujuan "
            "warga",
            "Menghubungkan warga dengan Puskesos, TKSK, puskesmas, atau lembaga lain yang sesuai "
            "dan menanyakan kembali hasilnya",
            "Membedakan situasi yang memerlukan usul dan sanggah serta menjelaskan kepada warga "
            "bahwa hasilnya bergantung pada verifikasi petugas",
        ],
    },
    {
        "code": "PSM.05",
        "title": "Mencatat dan melaporkan kegiatan pendampingan",
        "description": (
            "Unit ini mencakup fungsi administrator PSM: menulis catatan kasus dan catatan "
            "kunjungan yang faktual, serta menyusun laporan kegiatan berkala dengan melindungi "
            "data pribadi warga."
        ),
        "elements": [
            "Menulis catatan kasus dan catatan kunjungan",
            "Menyusun laporan kegiatan berkala",
        ],
        "performance_criteria": [
            "Menulis catatan kunjungan yang faktual, singkat, bertanggal, dan menjaga martabat "
            "warga pada hari yang sama dengan kunjungan",
            "Menyusun laporan kegiatan yang memuat jumlah dan jenis kegiatan, rujukan beserta "
            "hasilnya, masalah baru, serta hambatan dan usulan tindak lanjut",
            "Menyebut warga dengan kode atau inisial dan menyerahkan data lengkap hanya melalui "
            "jalur yang ditetapkan Dinas Sosial",
        ],
    },
]

# -----------------------------------------------------------------------------
# Question bank (post-test; PRE_TEST_KEYS reuses part of it as the pre-test)
# -----------------------------------------------------------------------------

QUESTIONS = [
    {
        "key": "q01",
        "kind": "single",
        "text": "Peraturan manakah yang mengatur Pekerja Sosial Masyarakat (PSM) secara khusus?",
        "points": 1,
        "units": ["PSM.01"],
        "tags": ["bimtek-dasar", "kebijakan"],
        "feedback": (
            "PSM diatur secara khusus oleh Permensos No. 10 Tahun 2019, sedangkan UU No. 11 "
            "Tahun 2009 menjadi landasan umum penyelenggaraan kesejahteraan sosial."
        ),
        "choices": [
            {
                "text": "Peraturan Menteri Sosial Nomor 10 Tahun 2019",
                "correct": True,
                "feedback": "Benar. Permensos ini mengatur pengertian, persyaratan, tugas, dan "
                "fungsi PSM.",
            },
            {
                "text": "Undang-Undang Nomor 11 Tahun 2009",
                "correct": False,
                "feedback": "Undang-undang ini adalah landasan umum kesejahteraan sosial, bukan "
                "pengaturan khusus tentang PSM.",
            },
            {
                "text": "Peraturan Menteri Sosial Nomor 01 Tahun 2012",
                "correct": False,
                "feedback": "Peraturan ini sudah digantikan oleh Permensos Nomor 10 Tahun 2019.",
            },
            {
                "text": "Peraturan kepala desa tempat PSM bertugas",
                "correct": False,
                "feedback": "PSM diatur oleh peraturan menteri, bukan oleh peraturan kepala desa.",
            },
        ],
    },
    {
        "key": "q02",
        "kind": "true_false",
        "text": (
            "Bimbingan teknis dasar PSM menjadi tugas pemerintah provinsi, sedangkan bimbingan "
            "teknis lanjutan menjadi tugas pemerintah kabupaten/kota."
        ),
        "points": 1,
        "units": ["PSM.01"],
        "tags": ["bimtek-dasar", "kebijakan"],
        "feedback": (
            "Pernyataan ini salah: bimtek dasar menjadi tugas kabupaten/kota, sedangkan bimtek "
            "lanjutan menjadi tugas provinsi."
        ),
        "true_false_answer": False,
    },
    {
        "key": "q03",
        "kind": "short_text",
        "text": (
            "Apa nama organisasi tempat para PSM berhimpun, mulai dari tingkat desa sampai "
            "tingkat nasional? Tuliskan singkatan atau kepanjangannya."
        ),
        "points": 1,
        "units": ["PSM.01"],
        "tags": ["bimtek-dasar", "kebijakan"],
        "feedback": "Wadah bersama para PSM adalah Ikatan Pekerja Sosial Masyarakat (IPSM).",
        "accepted": ["IPSM", "Ikatan Pekerja Sosial Masyarakat", "Ikatan PSM"],
    },
    {
        "key": "q04",
        "kind": "matching",
        "text": "Pasangkan setiap fungsi PSM dengan contoh kegiatan yang paling sesuai.",
        "points": 1,
        "units": ["PSM.01"],
        "tags": ["bimtek-dasar", "kebijakan"],
        "feedback": (
            "Motivator menumbuhkan semangat, dinamisator menjaga kegiatan tetap berjalan, "
            "fasilitator menghubungkan warga dengan layanan, dan administrator mencatat serta "
            "melaporkan."
        ),
        "choices": [
            {
                "text": "Motivator",
                "match": "Mendorong keluarga agar anaknya yang memiliki disabilitas tetap "
                "bersekolah",
            },
            {
                "text": "Dinamisator",
                "match": "Menjaga agar gotong royong bulanan di dusun tidak berhenti",
            },
            {
                "text": "Fasilitator",
                "match": "Membantu warga mendapatkan layanan di Puskesos",
            },
            {
                "text": "Administrator",
                "match": "Menyusun catatan kunjungan dan laporan kegiatan",
            },
        ],
        "partial_credit": True,
    },
    {
        "key": "q05",
        "kind": "single",
        "text": "Manakah yang termasuk Potensi dan Sumber Kesejahteraan Sosial (PSKS) di desa?",
        "points": 1,
        "units": ["PSM.02"],
        "tags": ["bimtek-dasar", "ppks"],
        "feedback": (
            "PSKS adalah pihak yang dapat menjaga, mendukung, dan memperkuat kesejahteraan "
            "sosial, misalnya PSM, Karang Taruna, Tagana, dan TKSK; PPKS adalah warga yang "
            "membutuhkan pelayanan."
        ),
        "choices": [
            {
                "text": "Karang Taruna yang menggerakkan gotong royong pemuda",
                "correct": True,
                "feedback": "Benar. Karang Taruna adalah salah satu PSKS.",
            },
            {
                "text": "Lansia yang tinggal sendiri tanpa ada yang merawat",
                "correct": False,
                "feedback": "Ini contoh keterlantaran, yaitu warga yang membutuhkan pelayanan "
                "(PPKS).",
            },
            {
                "text": "Anak yang dipekerjakan hingga putus sekolah",
                "correct": False,
                "feedback": "Ini contoh eksploitasi, yaitu warga yang membutuhkan pelayanan "
                "(PPKS).",
            },
            {
                "text": "Keluarga tanpa penghasilan tetap yang sulit memenuhi makan sehari-hari",
                "correct": False,
                "feedback": "Ini contoh kemiskinan, yaitu warga yang membutuhkan pelayanan (PPKS).",
            },
        ],
    },
    {
        "key": "q06",
        "kind": "numeric",
        "text": (
            "Pemerlu Pelayanan Kesejahteraan Sosial (PPKS) dikelompokkan ke dalam berapa jenis? "
            "Tuliskan angkanya saja."
        ),
        "points": 1,
        "units": ["PSM.02"],
        "tags": ["bimtek-dasar", "ppks"],
        "feedback": "PPKS, yang dahulu disebut PMKS, dikelompokkan ke dalam 26 jenis.",
        "numeric": {"value": "26", "tolerance": "0"},
    },
    {
        "key": "q07",
        "kind": "multiple",
        "text": (
            "Dalam asesmen sederhana sebuah keluarga, aspek mana saja yang perlu digali oleh "
            "PSM? Pilih semua jawaban yang benar."
        ),
        "points": 1,
        "units": ["PSM.02"],
        "tags": ["bimtek-dasar", "asesmen"],
        "feedback": (
            "Asesmen sederhana menggali kebutuhan dasar, kesehatan, pendidikan dan pekerjaan, "
            "hubungan sosial, serta keselamatan keluarga."
        ),
        "choices": [
            {
                "text": "Kebutuhan dasar: apakah makan, tempat tinggal, dan air bersih tercukupi",
                "correct": True,
                "feedback": "Benar. Kebutuhan dasar adalah aspek pertama yang digali.",
            },
            {
                "text": "Keselamatan: adakah tanda kekerasan, penelantaran, atau eksploitasi",
                "correct": True,
                "feedback": "Benar. Tanda bahaya perlu dikenali sejak asesmen.",
            },
            {
                "text": "Hubungan sosial: siapa yang biasa membantu keluarga saat kesulitan",
                "correct": True,
                "feedback": "Benar. Dukungan kerabat dan tetangga adalah kekuatan keluarga.",
            },
            {
                "text": "Pilihan politik anggota keluarga",
                "correct": False,
                "feedback": "Pilihan politik bukan bagian asesmen; PSM melayani warga tanpa "
                "membedakan pilihan politik.",
            },
            {
                "text": "Besar sumbangan keluarga untuk kegiatan desa",
                "correct": False,
                "feedback": "Sumbangan keluarga tidak menentukan kebutuhan layanan sosialnya.",
            },
        ],
        "partial_credit": True,
    },
    {
        "key": "q08",
        "kind": "single",
        "text": (
            "Saat kunjungan rumah, seorang ibu berkata, \u201cSaya sudah capek mengurus suami yang "
            "sakit.\u201d Tanggapan manakah yang menunjukkan mendengarkan aktif?"
        ),
        "points": 1,
        "units": ["PSM.03"],
        "tags": ["bimtek-dasar", "pendampingan"],
        "feedback": (
            "Mendengarkan aktif berarti mengulang inti cerita dengan kata-kata sendiri, "
            "menanyakan perasaan, dan mengajukan pertanyaan terbuka, bukan menasihati atau "
            "berjanji."
        ),
        "choices": [
            {
                "text": "\u201cIbu merasa lelah karena merawat Bapak sendirian, ya. Sudah berapa "
                "lama Bapak sakit?\u201d",
                "correct": True,
                "feedback": "Benar. Tanggapan ini mengulang inti cerita dan mengajak ibu "
                "bercerita lebih lanjut.",
            },
            {
                "text": "\u201cSabar saja, Bu, semua ada hikmahnya.\u201d",
                "correct": False,
                "feedback": "Nasihat seperti ini menutup percakapan dan tidak menunjukkan bahwa "
                "Anda memahami perasaannya.",
            },
            {
                "text": "\u201cTenang, Bu, nanti saya pastikan Ibu mendapat bantuan.\u201d",
                "correct": False,
                "feedback": "PSM tidak boleh menjanjikan bantuan yang bukan wewenangnya.",
            },
            {
                "text": "\u201cSebaiknya Bapak dititipkan ke rumah saudara saja, Bu.\u201d",
                "correct": False,
                "feedback": "PSM tidak memutuskan sesuatu atas nama warga; dengarkan dulu "
                "ceritanya.",
            },
        ],
    },
    {
        "key": "q09",
        "kind": "ordering",
        "text": (
            "Urutkan kegiatan PSM berikut sesuai tahapan kunjungan rumah, mulai dari yang "
            "dilakukan paling awal setelah tiba di rumah warga."
        ),
        "points": 1,
        "units": ["PSM.03", "PSM.05"],
        "tags": ["bimtek-dasar", "pendampingan"],
        "feedback": (
            "Setelah persiapan, kunjungan rumah berjalan dari pembukaan, percakapan, dan "
            "penutupan, lalu diakhiri dengan pencatatan pada hari yang sama."
        ),
        "choices": [
            {
                "text": "Memperkenalkan diri, menjelaskan peran PSM dan tujuan kunjungan, lalu "
                "meminta izin untuk berbincang"
            },
            {"text": "Mendengarkan cerita warga dan mengajukan pertanyaan terbuka"},
            {"text": "Menyimpulkan hasil pembicaraan dan menyepakati langkah berikutnya"},
            {"text": "Menulis catatan kunjungan pada hari yang sama"},
        ],
        "partial_credit": False,
    },
    {
        "key": "q10",
        "kind": "true_false",
        "text": (
            "Kerahasiaan klien tidak berlaku mutlak: jika ada ancaman serius terhadap "
            "keselamatan, misalnya anak yang mengalami kekerasan, PSM segera melaporkannya "
            "kepada pihak yang berwenang."
        ),
        "points": 1,
        "units": ["PSM.03"],
        "tags": ["bimtek-dasar", "etika"],
        "feedback": (
            "Pernyataan ini benar; laporkan kepada perangkat desa, TKSK, Dinas Sosial, atau "
            "pihak berwajib, dan jelaskan kepada warga yang bersangkutan alasannya."
        ),
        "true_false_answer": True,
    },
    {
        "key": "q11",
        "kind": "single",
        "text": (
            "Seorang janda lansia tanpa penghasilan di desa Anda belum terdata sebagai penerima "
            "bantuan sosial. Apa langkah PSM yang paling tepat?"
        ),
        "points": 1,
        "units": ["PSM.04"],
        "tags": ["bimtek-dasar", "rujukan"],
        "feedback": (
            "Fitur usul dipakai untuk warga yang dinilai layak tetapi belum terdata; hasilnya "
            "bergantung pada verifikasi petugas, jadi jangan menjanjikan bantuan."
        ),
        "choices": [
            {
                "text": "Dengan persetujuannya, membantu mengajukan usul agar ia dipertimbangkan "
                "menerima bantuan",
                "correct": True,
                "feedback": "Benar. Usul diajukan bersama warga dan dengan sepengetahuannya.",
            },
            {
                "text": "Mengajukan sanggah atas nama lansia tersebut",
                "correct": False,
                "feedback": "Sanggah adalah keberatan atas penerima yang dinilai tidak layak, "
                "bukan untuk mengusulkan warga.",
            },
            {
                "text": "Menjanjikan bahwa ia pasti menerima bantuan bulan depan",
                "correct": False,
                "feedback": "Usulan akan diverifikasi petugas; PSM tidak boleh menjanjikan "
                "hasilnya.",
            },
            {
                "text": "Membiarkannya karena pendataan bukan urusan PSM",
                "correct": False,
                "feedback": "PSM justru membantu agar data tetap mutakhir dan warga yang layak "
                "tidak terlewat.",
            },
        ],
    },
    {
        "key": "q12",
        "kind": "multiple",
        "text": (
            "Tindakan mana saja yang tepat ketika PSM merujuk warga ke layanan lain? Pilih semua "
            "jawaban yang benar."
        ),
        "points": 1,
        "units": ["PSM.04"],
        "tags": ["bimtek-dasar", "rujukan"],
        "feedback": (
            "Rujukan yang baik dimulai dengan persetujuan warga, disertai perkenalan langsung "
            "kepada petugas layanan, dan diakhiri dengan menanyakan serta mencatat hasilnya."
        ),
        "choices": [
            {
                "text": "Menjelaskan tujuan rujukan dan data yang akan dibagikan, lalu meminta "
                "persetujuan warga",
                "correct": True,
                "feedback": "Benar. Rujukan dilakukan dengan persetujuan warga.",
            },
            {
                "text": "Ikut memperkenalkan warga kepada petugas layanan",
                "correct": True,
                "feedback": "Benar. Rujukan yang hangat lebih berhasil daripada sekadar memberi "
                "alamat.",
            },
            {
                "text": "Menanyakan hasilnya kembali dan mencatatnya dalam catatan kasus",
                "correct": True,
                "feedback": "Benar. Tindak lanjut adalah langkah terakhir rujukan.",
            },
            {
                "text": "Mengirim foto KTP dan Kartu Keluarga warga ke grup percakapan desa agar "
                "cepat diproses",
                "correct": False,
                "feedback": "Foto dokumen warga tidak boleh dikirim ke grup percakapan.",
            },
            {
                "text": "Memberikan alamat layanan, lalu menganggap tugas PSM selesai",
                "correct": False,
                "feedback": "PSM tetap mendampingi dan menanyakan hasil rujukan.",
            },
        ],
        "partial_credit": False,
    },
    {
        "key": "q13",
        "kind": "single",
        "text": "Manakah kalimat catatan kunjungan yang ditulis dengan benar?",
        "points": 1,
        "units": ["PSM.05"],
        "tags": ["bimtek-dasar", "pelaporan"],
        "feedback": (
            "Catatan kasus menulis apa yang dilihat dan didengar, bukan penilaian pribadi PSM "
            "tentang warga."
        ),
        "choices": [
            {
                "text": "Rumah berlantai tanah, atap bocor di dua tempat.",
                "correct": True,
                "feedback": "Benar. Kalimat ini faktual dan dapat diperiksa.",
            },
            {
                "text": "Rumahnya kumuh.",
                "correct": False,
                "feedback": "Ini penilaian, bukan fakta; tuliskan apa yang Anda lihat.",
            },
            {
                "text": "Ibu R tidak bisa mengurus diri.",
                "correct": False,
                "feedback": "Ini kesimpulan yang merendahkan martabat warga, bukan pengamatan.",
            },
            {
                "text": "Keluarga ini malas bekerja.",
                "correct": False,
                "feedback": "Ini cap terhadap warga, bukan fakta yang dilihat atau didengar.",
            },
        ],
    },
    {
        "key": "q14",
        "kind": "essay",
        "text": (
            "Anda mendampingi keluarga Ibu Yanti yang sedang menghadapi utang dan konflik "
            "keluarga. Di warung, seorang tetangga terus mendesak Anda untuk menceritakan "
            "masalah keluarga itu. Jelaskan bagaimana Anda menjaga kerahasiaan informasi "
            "keluarga tersebut: saat menjawab tetangga, saat menyimpan catatan kasus, saat "
            "menyusun laporan, dan saat berbagi pengalaman di pertemuan IPSM. Sebutkan pula "
            "kapan kerahasiaan boleh dibuka dan apa yang Anda lakukan dalam keadaan itu."
        ),
        "points": 4,
        "units": ["PSM.03", "PSM.05"],
        "tags": ["bimtek-dasar", "etika"],
        "feedback": (
            "Jawaban yang baik menolak bercerita dengan sopan, menyimpan catatan di tempat "
            "terkunci, memakai kode atau inisial dalam laporan dan pertemuan, serta hanya "
            "membuka kerahasiaan bila ada ancaman serius terhadap keselamatan, dengan "
            "menjelaskannya kepada warga."
        ),
    },
]

PRE_TEST_KEYS = ["q01", "q04", "q05", "q08", "q11", "q13"]

# -----------------------------------------------------------------------------
# Observation rubric (skills) and attitude instrument
# -----------------------------------------------------------------------------

RUBRIC = {
    "module_slug": "pendampingan-sosial",
    "title": "Observasi kunjungan rumah dan asesmen sederhana",
    "description": (
        "Pelatih atau PSM senior mengamati peserta saat melakukan satu kunjungan rumah dan "
        "asesmen sederhana terhadap sebuah keluarga, lalu memilih satu tingkat untuk setiap "
        "kriteria berdasarkan perilaku yang benar-benar teramati. Catatan kunjungan peserta "
        "diperiksa sebagai bukti pendukung."
    ),
    "criteria": [
        {
            "title": "Membuka kunjungan dengan sopan: memperkenalkan diri, menjelaskan peran PSM "
            "dan tujuan kunjungan, serta meminta izin",
            "unit": "PSM.03",
        },
        {
            "title": "Mendengarkan aktif: tidak memotong, mengulang inti cerita, dan mengajukan "
            "pertanyaan terbuka",
            "unit": "PSM.03",
        },
        {
            "title": "Menggali kebutuhan dasar, kesehatan, pendidikan dan pekerjaan, hubungan "
            "sosial, serta keselamatan keluarga",
            "unit": "PSM.02",
        },
        {
            "title": "Menjaga kerahasiaan dan meminta persetujuan sebelum mencatat, memotret, "
            "atau merujuk",
            "unit": "PSM.03",
        },
        {
            "title": "Menyepakati tindak lanjut beserta waktunya dan menulis catatan kunjungan "
            "yang faktual pada hari yang sama",
            "unit": "PSM.05",
        },
    ],
    "levels": [
        {
            "label": "Belum mampu",
            "points": 1,
            "description": (
                "Perilaku pada kriteria ini tidak tampak atau dilakukan dengan cara yang keliru, "
                "meskipun sudah diingatkan."
            ),
        },
        {
            "label": "Cukup",
            "points": 2,
            "description": (
                "Sebagian perilaku tampak, tetapi belum lengkap atau masih perlu banyak arahan "
                "dari pelatih."
            ),
        },
        {
            "label": "Mampu",
            "points": 3,
            "description": (
                "Perilaku tampak dengan lengkap dan benar secara mandiri, dengan kekurangan kecil "
                "yang tidak mengganggu kunjungan."
            ),
        },
        {
            "label": "Sangat mampu",
            "points": 4,
            "description": (
                "Perilaku tampak lengkap, benar, dan luwes sesuai keadaan warga; dapat menjadi "
                "contoh bagi peserta lain."
            ),
        },
    ],
}

ATTITUDE = {
    "module_slug": "kerelawanan-nilai-etika",
    "title": "Sikap kerelawanan dan etika PSM",
    "instructions": (
        "Bacalah setiap pernyataan dengan saksama, lalu pilih angka 1 (sangat tidak setuju) "
        "sampai 5 (sangat setuju) yang paling sesuai dengan sikap dan kebiasaan Anda sebagai "
        "PSM. Tidak ada jawaban benar atau salah, jadi jawablah dengan jujur. Jika pelatih "
        "mengisi instrumen ini untuk seorang peserta, nilailah setiap pernyataan berdasarkan "
        "perilaku peserta yang teramati selama pelatihan."
    ),
    "statements": [
        {
            "text": "Saya bersedia meluangkan waktu untuk mendampingi warga tanpa mengharapkan "
            "imbalan.",
            "aspect": "Semangat kerelawanan",
            "reverse": False,
        },
        {
            "text": "Saya menolak dengan sopan uang atau hadiah dari warga yang saya dampingi.",
            "aspect": "Semangat kerelawanan",
            "reverse": False,
        },
        {
            "text": "Menurut saya, wajar bila PSM menerima uang terima kasih dari warga setelah "
            "membantu mengurus layanan sosial.",
            "aspect": "Semangat kerelawanan",
            "reverse": True,
        },
        {
            "text": "Saya menyimpan catatan kasus warga di tempat yang aman dan tidak mudah "
            "dibaca orang lain.",
            "aspect": "Menjaga kerahasiaan",
            "reverse": False,
        },
        {
            "text": "Saya meminta izin warga sebelum memotret dirinya atau rumahnya.",
            "aspect": "Menjaga kerahasiaan",
            "reverse": False,
        },
        {
            "text": "Saya boleh menceritakan masalah warga yang saya dampingi kepada tetangga "
            "jika tidak menyebut nama.",
            "aspect": "Menjaga kerahasiaan",
            "reverse": True,
        },
        {
            "text": "Saya mendengarkan cerita warga sampai selesai sebelum memberi saran.",
            "aspect": "Empati",
            "reverse": False,
        },
        {
            "text": "Saya berusaha memahami perasaan warga yang sedang kesulitan tanpa "
            "menyalahkannya.",
            "aspect": "Empati",
            "reverse": False,
        },
        {
            "text": "Saya menepati janji kunjungan yang telah saya sepakati dengan warga.",
            "aspect": "Tanggung jawab",
            "reverse": False,
        },
        {
            "text": "Saya tidak perlu menulis catatan kunjungan karena saya dapat mengingat "
            "semuanya.",
            "aspect": "Tanggung jawab",
            "reverse": True,
        },
    ],
}

POST_TEST_MODULE_SLUG = "studi-kasus-dan-praktik-lapangan"
PRE_TEST_MODULE_SLUG = "kebijakan-kesejahteraan-sosial"
