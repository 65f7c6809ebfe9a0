"""Demo training content for the PSM learning platform.

Pure data for Dinas Sosial Kabupaten Bengkulu Selatan: courses for Pekerja Sosial
Masyarakat (PSM) and a register of demo volunteers. No Django code lives here; a
management command or data migration turns these structures into pages and users.

Lesson bodies are lists of ``(block_type, value)`` tuples. Block types: "heading",
"paragraph", "callout", "quote", "glossary" and "table" (see the value shapes in the
lessons below). Paragraph and callout HTML only uses <p>, <b>, <i>, <ul>, <ol>, <li>.

All people, villages, phone numbers and e-mail addresses are fictional. Phone numbers
share the prefix 08129900 and e-mail addresses use the reserved example.org domain.
Facts about PSM follow UU No. 11 Tahun 2009 and Permensos No. 10 Tahun 2019; numbers in
sample tables are illustrations, not statistics.
"""

# -----------------------------------------------------------------------------
# Lesson bodies: Bimtek Dasar PSM
# -----------------------------------------------------------------------------

_BODY_UU_KESEJAHTERAAN_SOSIAL = [
    ("heading", "Mengapa PSM perlu memahami undang-undang?"),
    (
        "paragraph",
        "<p>Setiap kegiatan PSM di desa berpijak pada aturan. Landasan utamanya adalah "
        "<b>Undang-Undang Nomor 11 Tahun 2009 tentang Kesejahteraan Sosial</b>. Undang-undang ini "
        "memandang kesejahteraan sosial sebagai keadaan ketika kebutuhan material, spiritual, dan "
        "sosial warga negara terpenuhi sehingga mereka dapat hidup layak, mengembangkan diri, dan "
        "menjalankan fungsi sosialnya.</p><p>Undang-undang yang sama menegaskan bahwa "
        "penyelenggaraan kesejahteraan sosial bukan hanya urusan pemerintah. Masyarakat ikut "
        "berperan, dan di sinilah PSM hadir sebagai warga yang bergerak secara sukarela.</p>",
    ),
    (
        "glossary",
        {
            "term": "Penyelenggaraan kesejahteraan sosial",
            "definition": (
                "Upaya yang terarah, terpadu, dan berkelanjutan dari pemerintah, pemerintah "
                "daerah, dan masyarakat untuk memenuhi kebutuhan dasar warga negara, meliputi "
                "rehabilitasi sosial, jaminan sosial, pemberdayaan sosial, dan perlindungan sosial."
            ),
        },
    ),
    (
        "table",
        {
            "caption": "Empat bentuk penyelenggaraan kesejahteraan sosial dan contoh peran PSM",
            "header": ["Bentuk", "Contoh peran PSM di desa"],
            "rows": [
                [
                    "Rehabilitasi sosial",
                    "Mendampingi warga yang sedang pulih dari penyalahgunaan narkotika agar "
                    "diterima kembali oleh keluarga dan lingkungannya",
                ],
                [
                    "Jaminan sosial",
                    "Membantu warga rentan memahami dan mengakses program jaminan sosial dari "
                    "pemerintah",
                ],
                [
                    "Pemberdayaan sosial",
                    "Menggerakkan kelompok usaha warga atau kegiatan gotong royong",
                ],
                [
                    "Perlindungan sosial",
                    "Mendampingi korban bencana atau korban tindak kekerasan agar mendapat layanan",
                ],
            ],
        },
    ),
    (
        "callout",
        {
            "kind": "tip",
            "title": "Cara mudah mengingat",
            "text": (
                "<p>Tanyakan pada diri sendiri: apakah kegiatan ini <i>memulihkan</i>, "
                "<i>menjamin</i>, <i>memberdayakan</i>, atau <i>melindungi</i>? Jawabannya "
                "membantu Anda memilih mitra dan jalur rujukan yang tepat.</p>"
            ),
        },
    ),
    (
        "quote",
        {
            "text": "Keadilan sosial bagi seluruh rakyat Indonesia.",
            "source": "Sila kelima Pancasila",
        },
    ),
]

_BODY_PERMENSOS_10_2019 = [
    ("heading", "Aturan khusus tentang PSM"),
    (
        "paragraph",
        "<p>Jika undang-undang memberi landasan umum, <b>Peraturan Menteri Sosial Nomor 10 Tahun "
        "2019 tentang Pekerja Sosial Masyarakat</b> mengatur PSM secara khusus. Peraturan ini "
        "menggantikan Permensos Nomor 01 Tahun 2012 yang berlaku sebelumnya.</p><p>Permensos "
        "10/2019 menjadi acuan tentang pengertian PSM, persyaratan menjadi PSM, tugas dan "
        "fungsinya, serta pembinaan melalui bimbingan teknis. Pembagian perannya jelas: bimbingan "
        "teknis dasar menjadi tugas pemerintah kabupaten/kota, sedangkan bimbingan teknis "
        "lanjutan menjadi tugas pemerintah provinsi.</p>",
    ),
    (
        "table",
        {
            "caption": "Dua peraturan utama bagi PSM",
            "header": ["Peraturan", "Isi pokok", "Arti bagi PSM"],
            "rows": [
                [
                    "UU No. 11 Tahun 2009",
                    "Landasan umum penyelenggaraan kesejahteraan sosial",
                    "Kerja PSM adalah bagian dari peran masyarakat",
                ],
                [
                    "Permensos No. 10 Tahun 2019",
                    "Pengaturan khusus tentang PSM",
                    "Acuan persyaratan, tugas, fungsi, dan pelatihan PSM",
                ],
            ],
        },
    ),
    (
        "glossary",
        {
            "term": "Bimbingan teknis (bimtek)",
            "definition": (
                "Pelatihan singkat yang membekali PSM dengan pengetahuan, keterampilan, dan sikap "
                "kerja. Bimtek dasar diselenggarakan kabupaten/kota, sedangkan bimtek lanjutan "
                "diselenggarakan provinsi."
            ),
        },
    ),
    (
        "paragraph",
        "<p>Bimtek Dasar PSM yang sedang Anda ikuti merupakan pelaksanaan tugas kabupaten "
        "tersebut oleh Dinas Sosial Kabupaten Bengkulu Selatan. Dengan menyelesaikannya, Anda "
        "memenuhi salah satu syarat penting untuk bertugas sebagai PSM.</p>",
    ),
    (
        "callout",
        {
            "kind": "warning",
            "title": "Gunakan sumber resmi",
            "text": (
                "<p>Jika warga atau perangkat desa menanyakan isi pasal tertentu, jangan menebak. "
                "Catat pertanyaannya, lalu tanyakan kepada Dinas Sosial atau baca naskah resmi "
                "peraturannya.</p>"
            ),
        },
    ),
]

_BODY_SIAPA_ITU_PSM = [
    ("heading", "Pengertian PSM"),
    (
        "paragraph",
        "<p><b>Pekerja Sosial Masyarakat (PSM)</b> adalah warga masyarakat yang atas dasar "
        "kesadaran dan tanggung jawab sosial secara sukarela membantu pemerintah dan masyarakat "
        "dalam penyelenggaraan kesejahteraan sosial. PSM berkedudukan di desa atau kelurahan "
        "tempat ia tinggal.</p><p>Kata kuncinya adalah <i>sukarela</i>. PSM bukan pegawai "
        "pemerintah dan tidak bekerja demi imbalan, melainkan karena kepedulian kepada sesama "
        "warga.</p>",
    ),
    (
        "table",
        {
            "caption": "Persyaratan yang umum ditetapkan bagi PSM",
            "header": ["No.", "Persyaratan"],
            "rows": [
                ["1", "Warga negara Indonesia"],
                ["2", "Berusia paling rendah 18 tahun"],
                ["3", "Dapat membaca dan menulis"],
                ["4", "Berkelakuan baik"],
                ["5", "Memiliki KTP desa atau kelurahan domisili"],
                ["6", "Memiliki komitmen sebagai relawan"],
                ["7", "Telah mengikuti bimbingan teknis dasar"],
            ],
        },
    ),
    (
        "callout",
        {
            "kind": "case_study",
            "title": "Pak Darman ingin menjadi PSM",
            "text": (
                "<p>Pak Darman, 45 tahun, sering membantu tetangga mengurus surat ke kantor desa. "
                "Ia ingin menjadi PSM, tetapi KTP-nya masih tercatat di desa asalnya di kabupaten "
                "lain. Menurut Anda, apa yang perlu ia urus lebih dulu? Mengapa domisili penting "
                "bagi seorang PSM?</p>"
            ),
        },
    ),
    (
        "glossary",
        {
            "term": "Domisili",
            "definition": (
                "Tempat tinggal tetap seseorang. PSM bertugas di desa atau kelurahan sesuai KTP "
                "domisilinya sehingga benar-benar mengenal warga dan wilayahnya."
            ),
        },
    ),
]

_BODY_TUGAS_DAN_FUNGSI_PSM = [
    ("heading", "Tugas PSM"),
    (
        "paragraph",
        "<p>Secara umum, tugas PSM meliputi:</p><ul><li>mengambil prakarsa dalam menangani "
        "masalah sosial di lingkungannya;</li><li>mendorong dan mengembangkan kegiatan "
        "kesejahteraan sosial;</li><li>mendampingi warga yang membutuhkan pelayanan "
        "sosial;</li><li>mendampingi program kesejahteraan sosial di desa atau "
        "kelurahan;</li><li>ikut serta dalam program nasional;</li><li>bermitra dengan pemerintah "
        "dan lembaga lain;</li><li>memantau pelaksanaan program.</li></ul>",
    ),
    (
        "table",
        {
            "caption": "Lima fungsi PSM",
            "header": ["Fungsi", "Artinya", "Contoh di desa"],
            "rows": [
                [
                    "Inisiator",
                    "Memprakarsai kegiatan",
                    "Mengusulkan pendataan lansia yang tinggal sendirian",
                ],
                [
                    "Motivator",
                    "Menumbuhkan semangat warga",
                    "Mendorong keluarga agar anaknya yang memiliki disabilitas tetap bersekolah",
                ],
                [
                    "Dinamisator",
                    "Menggerakkan dan menjaga kegiatan tetap berjalan",
                    "Menjaga agar gotong royong bulanan tidak berhenti",
                ],
                [
                    "Fasilitator",
                    "Menghubungkan warga dengan sumber dan layanan",
                    "Membantu warga mendapatkan layanan di Puskesos",
                ],
                [
                    "Administrator",
                    "Mencatat dan melaporkan",
                    "Menyusun catatan kunjungan dan laporan kegiatan",
                ],
            ],
        },
    ),
    (
        "callout",
        {
            "kind": "tip",
            "title": "Satu kegiatan, banyak fungsi",
            "text": (
                "<p>Dalam satu kegiatan, Anda dapat menjalankan beberapa fungsi sekaligus. Saat "
                "mengajak warga membersihkan rumah seorang lansia, Anda menjadi inisiator dan "
                "motivator; saat mencatat hasilnya, Anda menjadi administrator.</p>"
            ),
        },
    ),
    ("heading", "IPSM: wadah bersama PSM"),
    (
        "paragraph",
        "<p><b>Ikatan Pekerja Sosial Masyarakat (IPSM)</b> adalah organisasi tempat para PSM "
        "berhimpun, mulai dari tingkat desa sampai tingkat nasional. Melalui IPSM, PSM dapat "
        "saling belajar, berbagi pengalaman, dan menyuarakan kebutuhan bersama.</p>",
    ),
]

_BODY_MENGENAL_PSKS = [
    ("heading", "Mulai dari kekuatan"),
    (
        "paragraph",
        "<p>Setiap desa punya modal untuk menyelesaikan masalahnya sendiri. Modal ini disebut "
        "<b>Potensi dan Sumber Kesejahteraan Sosial (PSKS)</b>, yaitu perorangan, keluarga, "
        "kelompok, atau masyarakat yang dapat berperan menjaga, menciptakan, mendukung, dan "
        "memperkuat penyelenggaraan kesejahteraan sosial.</p><p>PSM sendiri termasuk PSKS. Contoh "
        "PSKS lain yang sering dijumpai adalah Karang Taruna, Taruna Siaga Bencana (Tagana), "
        "Tenaga Kesejahteraan Sosial Kecamatan (TKSK), dan lembaga kesejahteraan sosial.</p>",
    ),
    (
        "glossary",
        {
            "term": "PSKS",
            "definition": (
                "Potensi dan Sumber Kesejahteraan Sosial; pihak yang dapat berperan menjaga, "
                "menciptakan, mendukung, dan memperkuat penyelenggaraan kesejahteraan sosial. PSM "
                "adalah salah satunya."
            ),
        },
    ),
    (
        "table",
        {
            "caption": "Contoh potensi dan sumber yang dapat ditemukan di desa",
            "header": ["Jenis", "Contoh", "Peran yang mungkin"],
            "rows": [
                [
                    "Perorangan",
                    "PSM, tokoh agama, tokoh adat",
                    "Memberi nasihat dan menjadi tempat warga bertanya",
                ],
                [
                    "Kelompok",
                    "Karang Taruna, kelompok pengajian, kelompok tani",
                    "Menggerakkan gotong royong dan kegiatan sosial",
                ],
                [
                    "Lembaga",
                    "Lembaga kesejahteraan sosial, sekolah, puskesmas",
                    "Memberi layanan atau menerima rujukan",
                ],
                [
                    "Masyarakat",
                    "Tradisi gotong royong dan musyawarah desa",
                    "Menggalang dukungan bersama",
                ],
            ],
        },
    ),
    (
        "callout",
        {
            "kind": "tip",
            "title": "Buat daftar sumber",
            "text": (
                "<p>Catat nama kelompok, lembaga, dan tokoh di desa Anda beserta cara "
                "menghubunginya. Daftar ini akan sangat berguna ketika Anda perlu merujuk warga "
                "atau menggalang bantuan.</p>"
            ),
        },
    ),
    (
        "quote",
        {"text": "Berat sama dipikul, ringan sama dijinjing.", "source": "Peribahasa Indonesia"},
    ),
]

_BODY_MENGENAL_PPKS = [
    ("heading", "Siapa yang membutuhkan pelayanan?"),
    (
        "paragraph",
        "<p><b>Pemerlu Pelayanan Kesejahteraan Sosial (PPKS)</b>, sebelumnya dikenal sebagai "
        "Penyandang Masalah Kesejahteraan Sosial (PMKS), adalah perorangan, keluarga, kelompok, "
        "atau masyarakat yang karena suatu hambatan, kesulitan, atau gangguan tidak dapat "
        "menjalankan fungsi sosialnya sehingga membutuhkan pelayanan sosial. PPKS dikelompokkan "
        "ke dalam 26 jenis.</p>",
    ),
    (
        "table",
        {
            "caption": "Masalah sosial yang ditangani PSM dan contohnya",
            "header": ["Masalah", "Contoh situasi di desa"],
            "rows": [
                [
                    "Kemiskinan",
                    "Keluarga tanpa penghasilan tetap yang sulit memenuhi makan sehari-hari",
                ],
                ["Keterlantaran", "Lansia yang tinggal sendiri tanpa ada yang merawat"],
                [
                    "Kecacatan (disabilitas)",
                    "Anak dengan disabilitas yang tidak pernah keluar rumah",
                ],
                ["Keterpencilan", "Dusun yang jauh dari jalan dan layanan dasar"],
                ["Bencana alam", "Rumah warga rusak akibat banjir atau gempa"],
                ["Bencana sosial", "Warga yang mengungsi karena konflik antarkelompok"],
                [
                    "Ketunaan sosial dan penyimpangan perilaku",
                    "Warga yang dikucilkan karena perilakunya sehingga kehilangan peran sosial",
                ],
                ["Tindak kekerasan", "Istri atau anak yang mengalami kekerasan di rumah"],
                ["Eksploitasi dan diskriminasi", "Anak yang dipekerjakan hingga putus sekolah"],
                ["Penyalahgunaan narkotika", "Pemuda yang kecanduan dan ingin pulih"],
            ],
        },
    ),
    (
        "callout",
        {
            "kind": "warning",
            "title": "Hindari label yang merendahkan",
            "text": (
                "<p>Istilah PPKS dipakai untuk pendataan dan perencanaan layanan, bukan untuk "
                "memberi cap kepada orang. Saat berbicara dengan warga, sebut orangnya lebih dulu, "
                "misalnya <i>ibu yang merawat anak dengan disabilitas</i>, bukan <i>keluarga "
                "PPKS</i>.</p>"
            ),
        },
    ),
    (
        "glossary",
        {
            "term": "PMKS",
            "definition": (
                "Penyandang Masalah Kesejahteraan Sosial; istilah yang lebih dahulu dipakai dan "
                "kini umumnya disebut PPKS."
            ),
        },
    ),
]

_BODY_MAKNA_KERELAWANAN = [
    ("heading", "Bekerja dengan hati, bukan karena imbalan"),
    (
        "paragraph",
        "<p>Menjadi PSM berarti menyediakan waktu, tenaga, dan pikiran untuk sesama tanpa "
        "mengharapkan imbalan. Kerelawanan bukan berarti bekerja seadanya. Justru karena "
        "dipercaya warga, PSM perlu bekerja dengan sungguh-sungguh, jujur, dan bertanggung "
        "jawab.</p><p>Kerelawanan juga punya batas. PSM bukan dokter, polisi, atau hakim. Tugas "
        "PSM adalah mendampingi, menghubungkan, dan menggerakkan, sedangkan keputusan tetap "
        "berada di tangan warga dan lembaga yang berwenang.</p>",
    ),
    (
        "quote",
        {"text": "Duduk sama rendah, berdiri sama tinggi.", "source": "Peribahasa Indonesia"},
    ),
    (
        "callout",
        {
            "kind": "case_study",
            "title": "Ibu Sari dan amplop ucapan terima kasih",
            "text": (
                "<p>Ibu Sari, PSM di sebuah desa di tepi sungai, membantu seorang nenek mengurus "
                "layanan sosial. Setelah urusan selesai, keluarga nenek itu memberinya amplop "
                "berisi uang sebagai tanda terima kasih. Ibu Sari menolaknya dengan sopan dan "
                "menjelaskan bahwa pendampingan PSM tidak dipungut biaya. Apa yang dapat terjadi "
                "pada kepercayaan warga seandainya ia menerimanya?</p>"
            ),
        },
    ),
    (
        "table",
        {
            "caption": "Sikap yang diharapkan dan yang perlu dihindari",
            "header": ["Diharapkan", "Perlu dihindari"],
            "rows": [
                ["Tepat janji dan mudah dihubungi", "Menjanjikan bantuan yang bukan wewenang PSM"],
                ["Mendengarkan sebelum memberi saran", "Memutuskan sesuatu atas nama warga"],
                [
                    "Terbuka tentang peran dan batas kemampuan",
                    "Menerima uang atau hadiah dari warga yang didampingi",
                ],
                [
                    "Bekerja sama dengan perangkat desa dan lembaga",
                    "Memakai kegiatan PSM untuk kepentingan politik atau pribadi",
                ],
            ],
        },
    ),
    (
        "glossary",
        {
            "term": "Relawan",
            "definition": (
                "Orang yang secara sadar dan tanpa paksaan menyumbangkan waktu dan tenaganya untuk "
                "kepentingan orang lain tanpa mengharapkan imbalan."
            ),
        },
    ),
]

_BODY_ETIKA_DAN_KERAHASIAAN = [
    ("heading", "Prinsip etika dasar"),
    (
        "paragraph",
        "<p>Warga yang didampingi PSM sering menceritakan hal yang sangat pribadi: utang, "
        "penyakit, konflik keluarga, bahkan kekerasan. Kepercayaan itu dijaga dengan prinsip "
        "berikut:</p><ul><li><b>Kerahasiaan:</b> cerita dan data warga hanya dibagikan kepada "
        "pihak yang terlibat langsung dalam layanan.</li><li><b>Persetujuan:</b> jelaskan tujuan "
        "pendataan atau rujukan, lalu minta persetujuan warga sebelum "
        "bertindak.</li><li><b>Hormat dan tidak menghakimi:</b> dengarkan tanpa "
        "menyalahkan.</li><li><b>Tidak diskriminatif:</b> layani semua warga tanpa membedakan "
        "suku, agama, jenis kelamin, pilihan politik, atau hubungan "
        "kekerabatan.</li><li><b>Menentukan pilihan sendiri:</b> warga berhak memilih jalan "
        "keluar bagi hidupnya.</li></ul>",
    ),
    (
        "glossary",
        {
            "term": "Persetujuan setelah penjelasan (informed consent)",
            "definition": (
                "Persetujuan yang diberikan warga setelah ia memahami tujuan, manfaat, dan risiko "
                "suatu tindakan, serta tahu bahwa ia boleh menolak."
            ),
        },
    ),
    (
        "callout",
        {
            "kind": "warning",
            "title": "Kapan kerahasiaan boleh dibuka?",
            "text": (
                "<p>Kerahasiaan tidak berlaku mutlak jika ada ancaman serius terhadap keselamatan, "
                "misalnya anak yang mengalami kekerasan atau seseorang yang berniat menyakiti "
                "dirinya sendiri. Dalam keadaan seperti itu, segera laporkan kepada perangkat "
                "desa, TKSK, Dinas Sosial, atau pihak berwajib, dan jelaskan kepada warga yang "
                "bersangkutan mengapa Anda melakukannya.</p>"
            ),
        },
    ),
    (
        "callout",
        {
            "kind": "case_study",
            "title": "Pertanyaan di warung",
            "text": (
                "<p>Di sebuah warung, seorang warga bertanya kepada Pak Darman mengapa keluarga "
                "Ibu Yanti sering ia kunjungi. Pak Darman cukup menjawab bahwa ia sedang "
                "menjalankan tugas rutin sebagai PSM, tanpa menceritakan masalah keluarga "
                "tersebut. Bagaimana Anda akan menjawab jika warga itu terus mendesak?</p>"
            ),
        },
    ),
    (
        "table",
        {
            "caption": "Menjaga data warga",
            "header": ["Lakukan", "Jangan lakukan"],
            "rows": [
                [
                    "Simpan catatan kasus di tempat yang terkunci",
                    "Mengirim foto dokumen warga ke grup percakapan",
                ],
                [
                    "Samarkan nama saat berbagi pengalaman di pertemuan IPSM",
                    "Membicarakan masalah warga di tempat umum",
                ],
                [
                    "Minta izin sebelum memotret warga",
                    "Mengunggah foto rumah atau wajah warga ke media sosial tanpa izin",
                ],
            ],
        },
    ),
]

_BODY_PEMETAAN_SOSIAL_DESA = [
    ("heading", "Langkah pemetaan sosial"),
    (
        "paragraph",
        "<p>Pemetaan sosial membantu PSM melihat gambaran utuh desa: di mana warga yang "
        "membutuhkan layanan tinggal, apa masalahnya, dan sumber daya apa yang tersedia. Langkah "
        "sederhananya:</p><ol><li>Buat sketsa desa bersama perangkat desa atau kepala "
        "dusun.</li><li>Tandai lokasi layanan penting: kantor desa, sekolah, puskesmas atau "
        "pustu, rumah ibadah, dan jalur evakuasi.</li><li>Tandai dengan kode, bukan nama, rumah "
        "tangga yang membutuhkan perhatian, misalnya lansia yang tinggal sendiri atau anak dengan "
        "disabilitas.</li><li>Bahas hasilnya dalam pertemuan kecil agar tidak ada yang "
        "terlewat.</li><li>Perbarui peta secara berkala.</li></ol>",
    ),
    (
        "callout",
        {
            "kind": "tip",
            "title": "Gunakan kode, bukan nama",
            "text": (
                "<p>Pada peta yang ditempel atau dibawa ke pertemuan, gunakan kode seperti "
                "<i>L1</i> untuk lansia atau <i>D1</i> untuk disabilitas. Daftar pasangan kode dan "
                "nama disimpan terpisah oleh PSM.</p>"
            ),
        },
    ),
    (
        "table",
        {
            "caption": "Contoh lembar rekap pemetaan (angka hanya ilustrasi)",
            "header": ["Dusun", "Jenis kebutuhan", "Jumlah rumah tangga", "Sumber daya terdekat"],
            "rows": [
                ["Dusun I", "Lansia tinggal sendiri", "3", "Kelompok pengajian ibu-ibu"],
                ["Dusun II", "Anak dengan disabilitas", "2", "Sekolah dasar dan kader posyandu"],
                ["Dusun III", "Rumah di bantaran sungai", "7", "Karang Taruna dan balai desa"],
            ],
        },
    ),
    (
        "glossary",
        {
            "term": "Pemetaan sosial",
            "definition": (
                "Kegiatan mengumpulkan dan menggambarkan informasi tentang masalah, kebutuhan, dan "
                "sumber daya sosial di suatu wilayah agar penanganannya lebih terarah."
            ),
        },
    ),
    (
        "quote",
        {
            "text": "Bulat air karena pembuluh, bulat kata karena mufakat.",
            "source": "Peribahasa Indonesia",
        },
    ),
]

_BODY_ASESMEN_SEDERHANA = [
    ("heading", "Menggali kebutuhan dengan teliti"),
    (
        "paragraph",
        "<p>Asesmen adalah proses memahami situasi warga sebelum menentukan bantuan. PSM tidak "
        "memerlukan formulir yang rumit. Yang penting, informasi dikumpulkan dengan sopan, cukup "
        "lengkap, dan dengan persetujuan warga. Gunakan pertanyaan terbuka seperti <i>Bagaimana "
        "keadaan keluarga Bapak akhir-akhir ini?</i> lalu dengarkan dengan saksama.</p>",
    ),
    (
        "table",
        {
            "caption": "Aspek yang digali dalam asesmen sederhana",
            "header": ["Aspek", "Pertanyaan pemandu"],
            "rows": [
                ["Kebutuhan dasar", "Apakah makan, tempat tinggal, dan air bersih tercukupi?"],
                [
                    "Kesehatan",
                    "Adakah anggota keluarga yang sakit menahun atau memiliki disabilitas?",
                ],
                [
                    "Pendidikan dan pekerjaan",
                    "Apakah anak-anak bersekolah? Apa sumber penghasilan keluarga?",
                ],
                ["Hubungan sosial", "Siapa yang biasa membantu keluarga ini saat kesulitan?"],
                ["Keselamatan", "Adakah tanda kekerasan, penelantaran, atau eksploitasi?"],
            ],
        },
    ),
    (
        "glossary",
        {
            "term": "Genogram",
            "definition": (
                "Bagan keluarga, biasanya sampai tiga generasi, yang menggambarkan anggota "
                "keluarga dan hubungan di antara mereka, misalnya siapa tinggal serumah dan siapa "
                "merawat siapa."
            ),
        },
    ),
    (
        "glossary",
        {
            "term": "Ekomap",
            "definition": (
                "Gambar yang menempatkan keluarga di tengah dan menghubungkannya dengan pihak di "
                "sekitarnya, seperti sekolah, puskesmas, tetangga, atau kelompok pengajian, untuk "
                "melihat hubungan yang mendukung maupun yang bermasalah."
            ),
        },
    ),
    (
        "callout",
        {
            "kind": "case_study",
            "title": "Keluarga Pak Usman",
            "text": (
                "<p>Pak Usman, 62 tahun, tinggal bersama cucunya yang berusia 9 tahun sejak "
                "anaknya merantau. Saat berkunjung, PSM mendapati sang cucu sering tidak masuk "
                "sekolah karena membantu kakeknya di kebun. Buatlah genogram dan ekomap sederhana "
                "keluarga ini, lalu tentukan dua kebutuhan yang paling mendesak.</p>"
            ),
        },
    ),
]

_BODY_KUNJUNGAN_RUMAH_DAN_MENDENGARKAN_AKTIF = [
    ("heading", "Tahapan kunjungan rumah"),
    (
        "paragraph",
        "<p>Kunjungan rumah yang baik mengikuti lima tahap:</p><ol><li><b>Persiapan:</b> baca "
        "catatan sebelumnya, tentukan tujuan kunjungan, dan buat janji bila "
        "memungkinkan.</li><li><b>Pembukaan:</b> perkenalkan diri, jelaskan peran PSM dan tujuan "
        "kunjungan, lalu minta izin untuk berbincang.</li><li><b>Percakapan:</b> dengarkan cerita "
        "warga, ajukan pertanyaan terbuka, dan amati keadaan rumah secara "
        "wajar.</li><li><b>Penutupan:</b> simpulkan hasil pembicaraan, sepakati langkah "
        "berikutnya, dan sampaikan kapan Anda akan kembali.</li><li><b>Pencatatan:</b> tulis "
        "catatan kunjungan pada hari yang sama.</li></ol>",
    ),
    ("heading", "Mendengarkan aktif"),
    (
        "paragraph",
        "<p>Mendengarkan aktif berarti memberi perhatian penuh kepada warga, bukan sekadar "
        "menunggu giliran bicara. Caranya antara lain menatap lawan bicara dengan wajar, "
        "mengangguk, mengulang inti cerita dengan kata-kata sendiri, menanyakan perasaannya, dan "
        "tidak memotong pembicaraan.</p>",
    ),
    (
        "table",
        {
            "caption": "Contoh tanggapan kepada warga",
            "header": ["Warga berkata", "Tanggapan kurang tepat", "Tanggapan mendengarkan aktif"],
            "rows": [
                [
                    "Saya sudah capek mengurus suami yang sakit.",
                    "Sabar saja, Bu, semua ada hikmahnya.",
                    "Ibu merasa lelah karena merawat Bapak sendirian, ya. Sudah berapa lama Bapak "
                    "sakit?",
                ],
                [
                    "Anak saya tidak mau sekolah lagi.",
                    "Paksa saja, Pak.",
                    "Bapak khawatir dengan sekolah anak. Apa yang ia ceritakan tentang alasannya?",
                ],
            ],
        },
    ),
    (
        "callout",
        {
            "kind": "warning",
            "title": "Jaga keselamatan diri",
            "text": (
                "<p>Jika kunjungan berisiko, misalnya ada riwayat kekerasan di rumah tersebut, "
                "berkunjunglah bersama PSM lain atau perangkat desa, dan beri tahu rekan ke mana "
                "Anda pergi.</p>"
            ),
        },
    ),
]

_BODY_PENDAMPINGAN_KELOMPOK_DAN_MASYARAKAT = [
    ("heading", "Dari satu keluarga ke seluruh desa"),
    (
        "paragraph",
        "<p>Sebagian masalah lebih tepat diselesaikan bersama. Misalnya, beberapa lansia yang "
        "tinggal sendiri dapat dibantu melalui jadwal kunjungan bergilir oleh kelompok pengajian, "
        "atau keluarga yang tinggal di bantaran sungai dapat menyusun rencana siaga bersama. Di "
        "sini PSM menjalankan fungsi <b>dinamisator</b> dan <b>fasilitator</b>.</p>",
    ),
    (
        "paragraph",
        "<p>Langkah memfasilitasi pertemuan warga:</p><ul><li>sepakati tujuan pertemuan bersama "
        "tokoh masyarakat;</li><li>undang semua pihak yang terdampak, termasuk perempuan, lansia, "
        "dan penyandang disabilitas;</li><li>beri kesempatan setiap orang "
        "berbicara;</li><li>tuliskan kesepakatan: apa yang dilakukan, oleh siapa, dan "
        "kapan;</li><li>pantau pelaksanaannya dan hargai keberhasilan kecil.</li></ul>",
    ),
    (
        "callout",
        {
            "kind": "case_study",
            "title": "Jadwal piket untuk Nenek Rohani",
            "text": (
                "<p>Di sebuah dusun, Nenek Rohani tinggal sendiri dan mulai sulit berjalan. PSM "
                "mengajak ibu-ibu pengajian dan pemuda Karang Taruna menyusun jadwal piket: "
                "mengantar makanan, membersihkan rumah, dan menemani ke puskesmas. Apa peran PSM "
                "setelah jadwal berjalan, dan bagaimana memastikan kegiatan ini tidak berhenti di "
                "tengah jalan?</p>"
            ),
        },
    ),
    ("quote", {"text": "Bersatu kita teguh, bercerai kita runtuh.", "source": "Pepatah Indonesia"}),
    (
        "glossary",
        {
            "term": "Fasilitator",
            "definition": (
                "Orang yang membantu kelompok berdiskusi dan mengambil keputusan sendiri, tanpa "
                "mengambil alih keputusan tersebut."
            ),
        },
    ),
]

_BODY_SLRT_DAN_PUSKESOS = [
    ("heading", "Tidak semua masalah diselesaikan sendiri"),
    (
        "paragraph",
        "<p>PSM bukan penyedia semua layanan. Tugas penting PSM adalah menghubungkan warga dengan "
        "layanan yang tepat. Jejaring ini diperkuat melalui <b>Sistem Layanan dan Rujukan Terpadu "
        "(SLRT)</b> di tingkat kabupaten dan <b>Pusat Kesejahteraan Sosial (Puskesos)</b> di "
        "tingkat desa atau kelurahan. Melalui keduanya, keluhan dan kebutuhan warga dicatat, lalu "
        "diteruskan kepada lembaga yang dapat membantu. Tanyakan kepada Dinas Sosial apakah SLRT "
        "atau Puskesos sudah tersedia di wilayah Anda.</p>",
    ),
    (
        "table",
        {
            "caption": "Langkah rujukan sederhana",
            "header": ["Langkah", "Yang dilakukan PSM"],
            "rows": [
                ["1. Menilai kebutuhan", "Memastikan kebutuhan warga dan layanan yang sesuai"],
                [
                    "2. Meminta persetujuan",
                    "Menjelaskan tujuan rujukan dan data yang akan dibagikan",
                ],
                [
                    "3. Menghubungi layanan",
                    "Menghubungi Puskesos, TKSK, puskesmas, atau lembaga lain",
                ],
                [
                    "4. Mendampingi",
                    "Membantu warga menyiapkan dokumen dan, bila perlu, mengantar ke layanan",
                ],
                ["5. Menindaklanjuti", "Menanyakan hasilnya dan mencatatnya dalam catatan kasus"],
            ],
        },
    ),
    (
        "glossary",
        {
            "term": "Rujukan",
            "definition": (
                "Proses menghubungkan warga dengan lembaga atau layanan lain yang lebih sesuai "
                "dengan kebutuhannya, disertai informasi yang diperlukan dan dengan persetujuan "
                "warga."
            ),
        },
    ),
    (
        "callout",
        {
            "kind": "tip",
            "title": "Rujukan yang hangat",
            "text": (
                "<p>Rujukan lebih berhasil bila PSM tidak sekadar memberi alamat, tetapi ikut "
                "memperkenalkan warga kepada petugas layanan dan menanyakan kembali hasilnya "
                "beberapa hari kemudian.</p>"
            ),
        },
    ),
]

_BODY_DTKS_DAN_CEK_BANSOS = [
    ("heading", "Data menentukan siapa yang dibantu"),
    (
        "paragraph",
        "<p><b>Data Terpadu Kesejahteraan Sosial (DTKS)</b> adalah data yang digunakan pemerintah "
        "sebagai dasar penetapan sasaran program bantuan sosial. Data yang keliru dapat membuat "
        "keluarga yang layak terlewat, atau sebaliknya keluarga yang sudah mampu tetap menerima "
        "bantuan.</p><p>PSM membantu agar data tetap mutakhir, misalnya dengan memberi tahu "
        "perangkat desa jika ada warga yang meninggal, pindah, atau keadaannya berubah, serta "
        "mendorong agar usulan pembaruan dibahas dalam musyawarah desa.</p>",
    ),
    (
        "glossary",
        {
            "term": "Cek Bansos",
            "definition": (
                "Laman dan aplikasi milik Kementerian Sosial untuk memeriksa status penerimaan "
                "bantuan sosial. Aplikasinya juga menyediakan fitur usul dan sanggah."
            ),
        },
    ),
    (
        "table",
        {
            "caption": "Fitur usul dan sanggah",
            "header": ["Fitur", "Kegunaan", "Contoh"],
            "rows": [
                [
                    "Usul",
                    "Mengusulkan warga yang dinilai layak agar dipertimbangkan menerima bantuan",
                    "Janda lansia tanpa penghasilan yang belum terdata",
                ],
                [
                    "Sanggah",
                    "Menyampaikan keberatan atas penerima yang dinilai tidak layak",
                    "Keluarga yang sudah memiliki usaha besar tetapi masih tercatat sebagai "
                    "penerima",
                ],
            ],
        },
    ),
    (
        "callout",
        {
            "kind": "warning",
            "title": "Usul dan sanggah bukan jaminan",
            "text": (
                "<p>Usulan dan sanggahan akan diverifikasi oleh petugas yang berwenang. Jangan "
                "menjanjikan kepada warga bahwa bantuan pasti diterima. Sampaikan dengan jujur "
                "bahwa PSM membantu proses pengusulan, sedangkan keputusannya ada pada "
                "pemerintah.</p>"
            ),
        },
    ),
    (
        "callout",
        {
            "kind": "tip",
            "title": "Bijak menyanggah",
            "text": (
                "<p>Sanggahan menyangkut nama baik orang lain. Pastikan informasi yang Anda "
                "sampaikan benar, berdasarkan pengamatan langsung, dan bukan karena rasa tidak "
                "suka pribadi.</p>"
            ),
        },
    ),
]

_BODY_PERAN_PSM_SAAT_BENCANA = [
    ("heading", "PSM dan Tagana"),
    (
        "paragraph",
        "<p>Bencana alam seperti banjir, tanah longsor, dan gempa bumi, maupun bencana sosial "
        "seperti konflik antarwarga, dapat terjadi sewaktu-waktu. <b>Taruna Siaga Bencana "
        "(Tagana)</b> adalah relawan penanggulangan bencana di bidang perlindungan sosial. PSM "
        "bekerja berdampingan dengan Tagana karena PSM paling mengenal warga desanya: siapa yang "
        "tinggal sendiri, siapa yang sakit, dan siapa yang memiliki disabilitas.</p>",
    ),
    (
        "table",
        {
            "caption": "Peran PSM dalam tiga tahap",
            "header": ["Tahap", "Peran PSM"],
            "rows": [
                [
                    "Sebelum bencana",
                    "Mendata kelompok rentan, ikut menyosialisasikan jalur evakuasi, dan "
                    "mendorong keluarga menyiapkan tas siaga",
                ],
                [
                    "Saat tanggap darurat",
                    "Membantu evakuasi warga rentan, mendata pengungsi, serta mendukung dapur "
                    "umum dan posko bersama Tagana",
                ],
                [
                    "Sesudah bencana",
                    "Memantau keluarga terdampak, membantu pendataan kerusakan, dan merujuk warga "
                    "yang masih membutuhkan layanan",
                ],
            ],
        },
    ),
    (
        "paragraph",
        "<p>Saat mendata warga terdampak, dahulukan kelompok rentan. Catat nama kepala keluarga, "
        "jumlah anggota keluarga, tempat mengungsi, dan kebutuhan yang paling mendesak. Serahkan "
        "data tersebut kepada petugas posko, bukan disebarkan di grup percakapan.</p>",
    ),
    (
        "callout",
        {
            "kind": "warning",
            "title": "Utamakan keselamatan",
            "text": (
                "<p>Jangan memasuki daerah berbahaya tanpa arahan petugas. PSM yang celaka justru "
                "menambah beban penanganan bencana.</p>"
            ),
        },
    ),
    (
        "glossary",
        {
            "term": "Kelompok rentan",
            "definition": (
                "Warga yang lebih berisiko saat bencana, antara lain lansia, anak-anak, ibu hamil "
                "dan menyusui, penyandang disabilitas, serta orang sakit."
            ),
        },
    ),
]

_BODY_MENULIS_CATATAN_KASUS = [
    ("heading", "Mengapa mencatat?"),
    (
        "paragraph",
        "<p>Fungsi <b>administrator</b> sering dianggap sepele, padahal catatan yang baik membuat "
        "pendampingan berkesinambungan. Catatan membantu PSM mengingat janji, menunjukkan "
        "perkembangan warga, dan menjadi bahan bagi petugas lain ketika warga "
        "dirujuk.</p><p>Catatan kasus yang baik bersifat <i>faktual</i> (menulis apa yang dilihat "
        "dan didengar), <i>singkat</i>, <i>bertanggal</i>, dan <i>menjaga martabat</i> warga.</p>",
    ),
    (
        "table",
        {
            "caption": "Contoh format catatan kunjungan",
            "header": ["Bagian", "Isi"],
            "rows": [
                ["Tanggal dan tempat", "12 Maret, rumah keluarga berkode K-03, Dusun II"],
                ["Yang ditemui", "Ibu R (42 tahun) dan anak sulungnya"],
                ["Situasi", "Suami sakit sejak dua bulan lalu; keluarga belum terdaftar di DTKS"],
                ["Tindakan", "Menjelaskan proses pengusulan data; Ibu R setuju diusulkan"],
                [
                    "Rencana tindak lanjut",
                    "Menyampaikan usulan ke kantor desa minggu ini; kunjungan ulang dua minggu "
                    "lagi",
                ],
            ],
        },
    ),
    (
        "callout",
        {
            "kind": "tip",
            "title": "Fakta, bukan penilaian",
            "text": (
                "<p>Tulis <i>Rumah berlantai tanah, atap bocor di dua tempat</i>, bukan "
                "<i>Rumahnya kumuh</i>. Tulis <i>Ibu R menangis saat bercerita</i>, bukan <i>Ibu R "
                "tidak bisa mengurus diri</i>.</p>"
            ),
        },
    ),
    (
        "glossary",
        {
            "term": "Catatan kasus",
            "definition": (
                "Catatan tertulis tentang situasi warga yang didampingi, tindakan yang telah "
                "dilakukan, dan rencana selanjutnya."
            ),
        },
    ),
]

_BODY_MENYUSUN_LAPORAN_KEGIATAN = [
    ("heading", "Isi laporan kegiatan"),
    (
        "paragraph",
        "<p>Selain catatan kasus, PSM menyusun laporan kegiatan secara berkala sesuai format dan "
        "jadwal yang ditetapkan Dinas Sosial. Laporan yang baik memuat:</p><ul><li>jumlah dan "
        "jenis kegiatan yang dilakukan;</li><li>warga yang didampingi, ditulis dengan kode atau "
        "inisial;</li><li>rujukan yang dibuat beserta hasilnya;</li><li>masalah sosial baru yang "
        "ditemukan;</li><li>hambatan dan usulan tindak lanjut.</li></ul>",
    ),
    (
        "table",
        {
            "caption": "Contoh rekap laporan bulanan (angka hanya ilustrasi)",
            "header": ["Kegiatan", "Jumlah", "Keterangan"],
            "rows": [
                [
                    "Kunjungan rumah",
                    "9",
                    "4 keluarga lansia, 3 keluarga dengan anak disabilitas, 2 keluarga miskin",
                ],
                ["Rujukan", "3", "2 ke puskesmas dan 1 ke Puskesos; 2 sudah mendapat layanan"],
                [
                    "Pertemuan warga",
                    "1",
                    "Penyusunan jadwal piket bagi lansia yang tinggal sendiri",
                ],
                [
                    "Usulan data",
                    "2",
                    "Disampaikan ke kantor desa untuk dibahas dalam musyawarah desa",
                ],
            ],
        },
    ),
    (
        "callout",
        {
            "kind": "warning",
            "title": "Lindungi data pribadi dalam laporan",
            "text": (
                "<p>Laporan yang dikirim lewat pesan singkat atau grup daring sebaiknya tidak "
                "memuat nama lengkap, NIK, atau foto dokumen warga. Serahkan data lengkap hanya "
                "melalui jalur yang ditetapkan Dinas Sosial.</p>"
            ),
        },
    ),
    (
        "glossary",
        {
            "term": "Laporan berkala",
            "definition": (
                "Laporan yang disusun secara teratur, misalnya setiap bulan atau setiap triwulan, "
                "untuk menunjukkan kegiatan dan hasil kerja dalam periode tertentu."
            ),
        },
    ),
]

_BODY_ANALISIS_STUDI_KASUS = [
    ("heading", "Kasus untuk dianalisis"),
    (
        "callout",
        {
            "kind": "case_study",
            "title": "Keluarga Ibu Marni",
            "text": (
                "<p>Ibu Marni, 38 tahun, tinggal di sebuah desa di kaki bukit bersama tiga "
                "anaknya. Suaminya meninggal setahun lalu. Anak keduanya memiliki disabilitas "
                "fisik dan tidak bersekolah. Ibu Marni bekerja sebagai buruh harian di kebun "
                "dengan penghasilan tidak menentu. Keluarga ini belum pernah menerima bantuan "
                "sosial, dan menurut tetangga Ibu Marni jarang keluar rumah sejak suaminya "
                "meninggal.</p>"
            ),
        },
    ),
    (
        "paragraph",
        "<p>Kerjakan secara berkelompok:</p><ol><li>Identifikasi masalah dan kekuatan keluarga "
        "ini.</li><li>Buat genogram dan ekomap sederhana.</li><li>Tentukan layanan yang dapat "
        "dirujuk dan pihak yang perlu dihubungi.</li><li>Rancang langkah pendampingan untuk tiga "
        "bulan pertama.</li><li>Tulis satu contoh catatan kunjungan.</li></ol>",
    ),
    (
        "table",
        {
            "caption": "Lembar kerja analisis kasus",
            "header": ["Aspek", "Pertanyaan pemandu"],
            "rows": [
                ["Masalah utama", "Masalah apa yang paling mendesak menurut Ibu Marni sendiri?"],
                ["Kekuatan", "Kerabat atau tetangga mana yang dapat membantu?"],
                [
                    "Layanan",
                    "Layanan apa yang dibutuhkan anak dengan disabilitas, dan bagaimana cara "
                    "mengaksesnya?",
                ],
                ["Data", "Apakah keluarga ini sudah terdaftar di DTKS? Perlukah diusulkan?"],
                [
                    "Sikap",
                    "Bagaimana menghormati keputusan Ibu Marni jika ia menolak sebagian bantuan?",
                ],
            ],
        },
    ),
    (
        "callout",
        {
            "kind": "tip",
            "title": "Libatkan keluarga",
            "text": (
                "<p>Rencana yang disusun bersama keluarga lebih mungkin dijalankan daripada "
                "rencana yang dibuat sendiri oleh PSM. Tanyakan apa yang ingin dicapai Ibu Marni, "
                "lalu mulailah dari situ.</p>"
            ),
        },
    ),
]

_BODY_PRAKTIK_LAPANGAN_DAN_REFLEKSI = [
    ("heading", "Panduan praktik lapangan"),
    (
        "paragraph",
        "<p>Dalam praktik lapangan, setiap peserta melakukan satu kunjungan rumah di desanya "
        "dengan didampingi fasilitator atau PSM senior. Sebelum berangkat, pastikan Anda telah "
        "mendapat izin perangkat desa dan menyiapkan lembar catatan. Selama kunjungan, terapkan "
        "tahapan kunjungan rumah, mendengarkan aktif, dan prinsip persetujuan.</p>",
    ),
    (
        "table",
        {
            "caption": "Daftar pengamatan praktik",
            "header": ["Unsur yang diamati", "Bukti yang dicari"],
            "rows": [
                [
                    "Membuka kunjungan dengan sopan",
                    "Memperkenalkan diri, menjelaskan peran dan tujuan, meminta izin",
                ],
                ["Mendengarkan aktif", "Tidak memotong, mengulang inti cerita, bertanya terbuka"],
                [
                    "Menjaga kerahasiaan",
                    "Tidak membicarakan warga lain; catatan disimpan dengan aman",
                ],
                [
                    "Menyepakati tindak lanjut",
                    "Ada kesepakatan langkah berikutnya beserta waktunya",
                ],
                ["Mencatat", "Catatan kunjungan selesai pada hari yang sama dan bersifat faktual"],
            ],
        },
    ),
    (
        "paragraph",
        "<p>Penilai memberikan keputusan <b>Kompeten (K)</b> atau <b>Belum Kompeten (BK)</b> "
        "disertai umpan balik. Keputusan BK bukan kegagalan, melainkan petunjuk tentang bagian "
        "yang perlu dilatih lagi.</p>",
    ),
    ("heading", "Refleksi"),
    ("quote", {"text": "Pengalaman adalah guru yang terbaik.", "source": "Peribahasa Indonesia"}),
    (
        "callout",
        {
            "kind": "tip",
            "title": "Pertanyaan refleksi",
            "text": (
                "<p>Setelah praktik, jawablah secara tertulis: Apa yang berjalan baik? Apa yang "
                "membuat Anda ragu atau tidak nyaman? Sikap apa yang ingin Anda perbaiki pada "
                "kunjungan berikutnya?</p>"
            ),
        },
    ),
]

# -----------------------------------------------------------------------------
# Lesson bodies: Pendampingan Keluarga Penerima Bantuan Sosial
# -----------------------------------------------------------------------------

_BODY_BANSOS_DAN_DTKS = [
    ("heading", "Bantuan sosial yang tepat sasaran"),
    (
        "paragraph",
        "<p>Bantuan sosial dimaksudkan untuk melindungi keluarga miskin dan rentan agar dapat "
        "memenuhi kebutuhan dasarnya. Agar tepat sasaran, pemerintah menggunakan <b>Data Terpadu "
        "Kesejahteraan Sosial (DTKS)</b> yang dikelola Kementerian Sosial. Data ini diperbarui "
        "secara berkala dengan melibatkan pemerintah desa atau kelurahan dan Dinas Sosial "
        "kabupaten.</p><p>PSM berada paling dekat dengan keluarga. Karena itu, PSM sering menjadi "
        "orang pertama yang tahu bahwa data suatu keluarga sudah tidak sesuai dengan "
        "keadaannya.</p>",
    ),
    (
        "glossary",
        {
            "term": "Pemutakhiran data",
            "definition": (
                "Kegiatan memperbarui data keluarga agar sesuai dengan keadaan terkini, misalnya "
                "karena kelahiran, kematian, pindah tempat tinggal, atau perubahan kondisi ekonomi."
            ),
        },
    ),
    (
        "table",
        {
            "caption": "Kesalahan data yang sering ditemukan dan akibatnya",
            "header": ["Kesalahan data", "Akibat bagi warga"],
            "rows": [
                [
                    "Keluarga miskin belum terdata",
                    "Tidak dapat dipertimbangkan sebagai penerima bantuan",
                ],
                [
                    "Anggota keluarga yang meninggal masih tercatat",
                    "Data keluarga tidak akurat dan dapat menghambat layanan",
                ],
                [
                    "NIK tidak sesuai dengan KTP atau Kartu Keluarga",
                    "Bantuan tertahan karena data tidak cocok saat diperiksa",
                ],
                [
                    "Keluarga yang sudah mampu masih tercatat",
                    "Bantuan tidak sampai kepada yang lebih membutuhkan",
                ],
            ],
        },
    ),
    (
        "callout",
        {
            "kind": "tip",
            "title": "Periksa dokumen kependudukan lebih dulu",
            "text": (
                "<p>Banyak masalah data berawal dari KTP atau Kartu Keluarga yang belum "
                "diperbarui. Sebelum mengusulkan sebuah keluarga, bantu mereka memastikan dokumen "
                "kependudukannya sudah benar di Dinas Kependudukan dan Pencatatan Sipil.</p>"
            ),
        },
    ),
]

_BODY_ALUR_PEMUTAKHIRAN_DATA_DESA = [
    ("heading", "Dari musyawarah desa ke Dinas Sosial"),
    (
        "paragraph",
        "<p>Secara umum, pemutakhiran DTKS dimulai dari desa atau kelurahan. Usulan warga dibahas "
        "dalam musyawarah desa atau musyawarah kelurahan, lalu dimasukkan oleh operator desa dan "
        "diteruskan ke Dinas Sosial kabupaten untuk diverifikasi sebelum diproses lebih lanjut "
        "oleh Kementerian Sosial. Jadwal dan formulirnya mengikuti ketentuan Dinas Sosial "
        "setempat.</p>",
    ),
    (
        "table",
        {
            "caption": "Peran para pihak dalam pemutakhiran data",
            "header": ["Pihak", "Peran"],
            "rows": [
                [
                    "Keluarga",
                    "Menyampaikan keadaan yang sebenarnya dan menyiapkan dokumen kependudukan",
                ],
                [
                    "PSM",
                    "Menemukan keluarga yang datanya perlu diusulkan atau diperbarui, menjelaskan "
                    "prosesnya, dan mendampingi",
                ],
                [
                    "Pemerintah desa atau kelurahan",
                    "Menyelenggarakan musyawarah dan memasukkan hasilnya",
                ],
                ["Dinas Sosial kabupaten", "Memverifikasi dan meneruskan data"],
            ],
        },
    ),
    (
        "glossary",
        {
            "term": "Musyawarah desa",
            "definition": (
                "Forum yang diikuti pemerintah desa, Badan Permusyawaratan Desa, dan unsur "
                "masyarakat untuk membahas hal-hal penting bagi desa, termasuk usulan data warga."
            ),
        },
    ),
    (
        "callout",
        {
            "kind": "case_study",
            "title": "Pak Herman pindah rumah",
            "text": (
                "<p>Pak Herman dan keluarganya pindah dari desa lain ke desa Anda setelah rumah "
                "lamanya rusak. Kartu Keluarganya masih beralamat di desa lama, dan ia bertanya "
                "mengapa namanya tidak muncul dalam daftar penerima di desa barunya. Langkah apa "
                "saja yang akan Anda sarankan, dan ke mana ia perlu datang?</p>"
            ),
        },
    ),
]

_BODY_KUNJUNGAN_COCOK_DATA_KELUARGA = [
    ("heading", "Persiapan kunjungan"),
    (
        "paragraph",
        "<p>Sebelum berkunjung, siapkan daftar hal yang perlu dicocokkan: susunan anggota "
        "keluarga, dokumen kependudukan, kondisi tempat tinggal, sumber penghasilan, serta "
        "anggota keluarga yang lanjut usia, sakit menahun, atau memiliki disabilitas. Bawa alat "
        "tulis dan tanda pengenal PSM bila ada.</p><p>Ingat bahwa kedatangan PSM dapat "
        "menimbulkan harapan. Sejak awal, jelaskan bahwa kunjungan ini untuk memastikan data "
        "benar, bukan untuk membagikan bantuan.</p>",
    ),
    (
        "table",
        {
            "caption": "Daftar pencocokan data sederhana",
            "header": ["Yang dicocokkan", "Sumber", "Catatan"],
            "rows": [
                [
                    "Susunan anggota keluarga",
                    "Kartu Keluarga dan keterangan keluarga",
                    "Catat kelahiran, kematian, atau anggota yang pindah",
                ],
                [
                    "Identitas",
                    "KTP setiap anggota dewasa",
                    "Perhatikan salah tulis pada nama dan NIK",
                ],
                ["Tempat tinggal", "Pengamatan langsung", "Tulis apa adanya, tanpa penilaian"],
                ["Penghasilan", "Keterangan keluarga", "Tanyakan dengan sopan dan tanpa mendesak"],
                [
                    "Kebutuhan khusus",
                    "Keterangan keluarga dan pengamatan",
                    "Lansia, penyakit menahun, disabilitas, ibu hamil",
                ],
            ],
        },
    ),
    (
        "callout",
        {
            "kind": "tip",
            "title": "Minta izin sebelum memotret",
            "text": (
                "<p>Jika Dinas Sosial memerlukan foto rumah sebagai bukti, jelaskan tujuannya dan "
                "minta izin pemilik rumah. Hindari memotret wajah anggota keluarga.</p>"
            ),
        },
    ),
    (
        "glossary",
        {
            "term": "Verifikasi lapangan",
            "definition": (
                "Kegiatan memeriksa kebenaran data dengan mendatangi langsung keluarga yang "
                "bersangkutan."
            ),
        },
    ),
]

_BODY_RENCANA_PENDAMPINGAN_KELUARGA = [
    ("heading", "Bantuan sebagai pijakan"),
    (
        "paragraph",
        "<p>Bantuan sosial membantu keluarga bertahan, sedangkan pendampingan membantu keluarga "
        "bangkit. Bersama keluarga, PSM dapat menyusun rencana sederhana yang memuat tujuan, "
        "langkah, penanggung jawab, dan waktu peninjauan. Tujuan yang baik bersifat kecil, jelas, "
        "dan dipilih sendiri oleh keluarga.</p>",
    ),
    (
        "table",
        {
            "caption": "Contoh rencana pendampingan keluarga",
            "header": ["Tujuan keluarga", "Langkah", "Penanggung jawab", "Waktu tinjau"],
            "rows": [
                [
                    "Anak kembali bersekolah",
                    "Menemui wali kelas dan menyiapkan perlengkapan sekolah",
                    "Ibu dan PSM",
                    "Dua minggu",
                ],
                [
                    "Kartu Keluarga diperbarui",
                    "Mengurus perubahan data ke Dinas Kependudukan dan Pencatatan Sipil",
                    "Ayah",
                    "Satu bulan",
                ],
                [
                    "Penghasilan tambahan",
                    "Bergabung dengan kelompok usaha ibu-ibu di dusun",
                    "Ibu",
                    "Tiga bulan",
                ],
            ],
        },
    ),
    (
        "quote",
        {
            "text": "Sedikit demi sedikit, lama-lama menjadi bukit.",
            "source": "Peribahasa Indonesia",
        },
    ),
    (
        "callout",
        {
            "kind": "case_study",
            "title": "Keluarga Ibu Lina",
            "text": (
                "<p>Ibu Lina menerima bantuan sosial, tetapi bantuan itu selalu habis untuk "
                "membayar utang di warung. Ia malu membicarakannya. Bagaimana Anda membuka "
                "percakapan tentang pengelolaan uang keluarga tanpa menyinggung perasaannya, dan "
                "tujuan kecil apa yang mungkin ia pilih?</p>"
            ),
        },
    ),
    (
        "glossary",
        {
            "term": "Rencana pendampingan",
            "definition": (
                "Kesepakatan tertulis antara keluarga dan pendamping tentang tujuan yang ingin "
                "dicapai, langkah-langkahnya, dan waktu peninjauannya."
            ),
        },
    ),
]

_BODY_PRAKTIK_USUL_DAN_SANGGAH = [
    ("heading", "Memeriksa status bantuan"),
    (
        "paragraph",
        "<p>Warga sering bertanya apakah namanya terdaftar sebagai penerima bantuan. PSM dapat "
        "membantu memeriksanya melalui laman atau aplikasi <b>Cek Bansos</b> Kementerian Sosial "
        "dengan data sesuai KTP. Lakukan di hadapan warga dan dengan persetujuannya, lalu "
        "jelaskan hasilnya dengan bahasa yang sederhana.</p>",
    ),
    ("heading", "Mendampingi usul dan sanggah"),
    (
        "paragraph",
        "<p>Fitur usul dan sanggah tersedia di aplikasi Cek Bansos bagi pengguna yang telah "
        "mendaftar. Saat mendampingi, perhatikan hal berikut:</p><ol><li>Pastikan warga memahami "
        "perbedaan usul dan sanggah serta akibatnya.</li><li>Periksa bahwa nama dan NIK sesuai "
        "dengan KTP dan Kartu Keluarga.</li><li>Isi keterangan dengan fakta yang dapat diperiksa, "
        "bukan kabar dari mulut ke mulut.</li><li>Jangan membuat akun atau mengirim usulan atas "
        "nama warga tanpa sepengetahuannya.</li><li>Catat tanggal pengiriman dan pantau hasil "
        "verifikasinya.</li></ol>",
    ),
    (
        "table",
        {
            "caption": "Usul atau sanggah?",
            "header": ["Situasi", "Langkah yang sesuai"],
            "rows": [
                ["Lansia sebatang kara tanpa penghasilan belum menerima bantuan apa pun", "Usul"],
                [
                    "Tetangga yang memiliki usaha besar dan beberapa kendaraan tercatat sebagai "
                    "penerima",
                    "Sanggah, dengan keterangan yang faktual",
                ],
                [
                    "Keluarga merasa layak tetapi belum memiliki KTP elektronik",
                    "Urus dokumen kependudukan lebih dulu, lalu usulkan",
                ],
            ],
        },
    ),
    (
        "callout",
        {
            "kind": "warning",
            "title": "Usul bukan janji",
            "text": (
                "<p>Setiap usul dan sanggah akan diverifikasi oleh petugas. Hasilnya bisa diterima "
                "atau ditolak. Sampaikan hal ini kepada warga sejak awal agar tidak muncul "
                "kekecewaan atau tuduhan kepada PSM.</p>"
            ),
        },
    ),
    (
        "glossary",
        {
            "term": "Sanggah",
            "definition": (
                "Keberatan yang disampaikan karena seseorang yang tercatat sebagai penerima "
                "bantuan dinilai tidak layak menerimanya."
            ),
        },
    ),
]

_BODY_MENJAGA_INTEGRITAS = [
    ("heading", "Kepercayaan adalah modal utama"),
    (
        "paragraph",
        "<p>Urusan bantuan sosial menyangkut uang dan barang, sehingga mudah menimbulkan "
        "kecurigaan. PSM hanya dapat bekerja jika dipercaya oleh warga, perangkat desa, dan Dinas "
        "Sosial. Kepercayaan itu dibangun dari sikap <b>jujur</b>, <b>adil</b>, dan "
        "<b>terbuka</b> tentang apa yang dapat dan tidak dapat dilakukan PSM.</p>",
    ),
    (
        "table",
        {
            "caption": "Tekanan yang sering muncul dan sikap yang tepat",
            "header": ["Situasi", "Sikap yang tepat"],
            "rows": [
                [
                    "Kerabat meminta diusulkan padahal keadaannya mampu",
                    "Menolak dengan sopan dan menjelaskan bahwa kriteria berlaku sama bagi semua "
                    "warga",
                ],
                [
                    "Warga menawarkan imbalan agar namanya diusulkan",
                    "Menolak dan menegaskan bahwa pendampingan tidak dipungut biaya",
                ],
                [
                    "Seseorang meminta data penerima untuk kepentingan kampanye",
                    "Menolak memberikan data dan melapor kepada Dinas Sosial bila permintaan "
                    "terus berlanjut",
                ],
                [
                    "Warga marah karena tidak lagi menerima bantuan",
                    "Mendengarkan, memeriksa datanya, dan menjelaskan jalur usul atau sanggah",
                ],
            ],
        },
    ),
    (
        "callout",
        {
            "kind": "case_study",
            "title": "Permintaan sepupu Pak Darman",
            "text": (
                "<p>Sepupu Pak Darman, seorang pedagang yang cukup berada, meminta agar namanya "
                "diusulkan sebagai penerima bantuan. Ia berkata, <i>Kita kan keluarga, bantu "
                "sedikit saja.</i> Bagaimana Pak Darman menolak tanpa merusak hubungan keluarga? "
                "Apa yang perlu ia lakukan jika sepupunya tetap mengusulkan diri sendiri melalui "
                "Cek Bansos?</p>"
            ),
        },
    ),
    (
        "quote",
        {
            "text": "Sekali lancung ke ujian, seumur hidup orang tak percaya.",
            "source": "Peribahasa Indonesia",
        },
    ),
    (
        "glossary",
        {
            "term": "Konflik kepentingan",
            "definition": (
                "Keadaan ketika kepentingan pribadi, keluarga, atau kelompok dapat memengaruhi "
                "keputusan seseorang dalam menjalankan tugasnya."
            ),
        },
    ),
    (
        "callout",
        {
            "kind": "warning",
            "title": "Laporkan pungutan liar",
            "text": (
                "<p>Jika Anda mengetahui ada pihak yang memungut uang dari warga terkait bantuan "
                "sosial, catat kejadiannya secara faktual dan laporkan kepada Dinas Sosial "
                "Kabupaten Bengkulu Selatan. Jangan menyebarkan tuduhan di media sosial.</p>"
            ),
        },
    ),
]

# -----------------------------------------------------------------------------
# Lesson bodies: Tanggap Darurat Bencana bersama Tagana
# -----------------------------------------------------------------------------

_BODY_BENCANA_ALAM_DAN_SOSIAL = [
    ("heading", "Bencana di sekitar kita"),
    (
        "paragraph",
        "<p>Sebagian wilayah Bengkulu Selatan berada di pesisir, sebagian lagi di tepi sungai dan "
        "perbukitan. Karena itu, warga perlu bersiap menghadapi bencana alam seperti gempa bumi, "
        "banjir, tanah longsor, dan angin kencang, serta potensi tsunami di pesisir. Selain "
        "bencana alam, ada pula <b>bencana sosial</b>, yaitu bencana yang ditimbulkan oleh ulah "
        "manusia, seperti konflik sosial antarkelompok.</p>",
    ),
    (
        "glossary",
        {
            "term": "Tagana",
            "definition": (
                "Taruna Siaga Bencana; relawan sosial dari masyarakat yang peduli dan aktif dalam "
                "penanggulangan bencana di bidang perlindungan sosial."
            ),
        },
    ),
    (
        "table",
        {
            "caption": "Para pihak dalam penanganan bencana",
            "header": ["Pihak", "Peran utama"],
            "rows": [
                [
                    "Badan Penanggulangan Bencana Daerah (BPBD)",
                    "Mengoordinasikan penanggulangan bencana di daerah",
                ],
                [
                    "Dinas Sosial dan Tagana",
                    "Perlindungan sosial, seperti dapur umum, tenda pengungsian, bantuan "
                    "logistik, dan dukungan psikososial",
                ],
                ["Puskesmas dan tenaga kesehatan", "Pelayanan kesehatan bagi korban dan pengungsi"],
                [
                    "Pemerintah desa",
                    "Menggerakkan warga, menyediakan data penduduk, dan menyiapkan tempat evakuasi",
                ],
                [
                    "PSM",
                    "Mendata dan mendampingi warga, terutama kelompok rentan, serta menjadi "
                    "penghubung antara warga dan petugas",
                ],
            ],
        },
    ),
    (
        "callout",
        {
            "kind": "tip",
            "title": "Kenali posko dan kontak resmi",
            "text": (
                "<p>Sebelum bencana terjadi, catat cara menghubungi BPBD, Dinas Sosial, Tagana, "
                "dan puskesmas terdekat dari sumber resmi, lalu bagikan kepada perangkat desa dan "
                "ketua RT.</p>"
            ),
        },
    ),
    ("quote", {"text": "Sedia payung sebelum hujan.", "source": "Peribahasa Indonesia"}),
]

_BODY_PENDATAAN_CEPAT_PENGUNGSI = [
    ("heading", "Data yang cepat dan cukup"),
    (
        "paragraph",
        "<p>Pada jam-jam pertama setelah bencana, petugas perlu tahu berapa orang yang mengungsi, "
        "di mana mereka berada, dan siapa yang membutuhkan perhatian khusus. PSM yang mengenal "
        "warganya dapat mempercepat pendataan ini. Prinsipnya: catat data yang <i>cukup</i> untuk "
        "bertindak, lalu lengkapi kemudian.</p>",
    ),
    (
        "table",
        {
            "caption": "Contoh lembar pendataan cepat di posko",
            "header": ["Kolom", "Keterangan"],
            "rows": [
                ["Nama kepala keluarga", "Sesuai KTP, atau sesuai pengakuan bila dokumen hilang"],
                ["Jumlah anggota keluarga", "Dipisahkan menurut laki-laki dan perempuan"],
                [
                    "Kelompok rentan",
                    "Balita, ibu hamil atau menyusui, lansia, penyandang disabilitas, orang sakit",
                ],
                ["Asal tempat tinggal", "Dusun atau RT"],
                ["Kebutuhan mendesak", "Obat, makanan khusus, pakaian, alat bantu"],
                [
                    "Anggota keluarga yang terpisah",
                    "Nama dan ciri anggota keluarga yang belum ditemukan",
                ],
            ],
        },
    ),
    (
        "callout",
        {
            "kind": "tip",
            "title": "Mulai dari yang paling rentan",
            "text": (
                "<p>Dahulukan pendataan lansia, penyandang disabilitas, ibu hamil, dan anak yang "
                "terpisah dari orang tuanya. Anak tanpa pendamping harus segera dilaporkan kepada "
                "petugas posko.</p>"
            ),
        },
    ),
    (
        "glossary",
        {
            "term": "Kaji cepat",
            "definition": (
                "Penilaian singkat pada awal tanggap darurat untuk mengetahui dampak bencana dan "
                "kebutuhan yang paling mendesak."
            ),
        },
    ),
    (
        "callout",
        {
            "kind": "warning",
            "title": "Data pengungsi juga rahasia",
            "text": (
                "<p>Daftar pengungsi memuat informasi pribadi. Jangan menempelkan data lengkap, "
                "termasuk NIK atau keterangan penyakit, di tempat umum atau membagikannya di grup "
                "percakapan.</p>"
            ),
        },
    ),
]

_BODY_DAPUR_UMUM_DAN_POSKO = [
    ("heading", "Dapur umum"),
    (
        "paragraph",
        "<p>Dapur umum menyediakan makanan siap santap bagi pengungsi dan relawan selama masa "
        "tanggap darurat. Pengelolaannya dipimpin petugas yang ditunjuk, misalnya Tagana, "
        "sedangkan PSM dapat membantu dengan:</p><ul><li>menghitung kebutuhan porsi berdasarkan "
        "data pengungsi;</li><li>mengingatkan kebutuhan makanan khusus bagi balita, lansia, dan "
        "orang sakit;</li><li>menggerakkan warga yang tidak terdampak untuk ikut memasak dan "
        "membagikan makanan;</li><li>memastikan pembagian makanan berlangsung tertib dan "
        "adil.</li></ul>",
    ),
    ("heading", "Posko pengungsian yang ramah kelompok rentan"),
    (
        "paragraph",
        "<p>Usulkan kepada pengelola posko agar tersedia ruang tersendiri untuk ibu menyusui, "
        "jalur yang mudah dilalui penyandang disabilitas dan lansia, penerangan yang cukup pada "
        "malam hari, serta kamar mandi yang terpisah bagi laki-laki dan perempuan. Langkah "
        "sederhana ini mengurangi risiko kekerasan dan pelecehan di pengungsian.</p>",
    ),
    (
        "callout",
        {
            "kind": "case_study",
            "title": "Banjir di desa tepi sungai",
            "text": (
                "<p>Setelah hujan deras semalaman, sungai meluap dan puluhan keluarga mengungsi ke "
                "balai desa. Pak Joni, seorang pengungsi dengan disabilitas fisik, kesulitan "
                "mencapai kamar mandi, sementara seorang ibu bertanya di mana ia dapat menyusui "
                "bayinya. Apa yang Anda lakukan dalam satu jam pertama, dan dengan siapa Anda "
                "berkoordinasi?</p>"
            ),
        },
    ),
    (
        "glossary",
        {
            "term": "Dapur umum",
            "definition": (
                "Tempat memasak dan membagikan makanan secara massal bagi korban bencana dan "
                "relawan selama keadaan darurat."
            ),
        },
    ),
]

_BODY_HADIR_BAGI_PENYINTAS = [
    ("heading", "Tenang, hadir, dan menghubungkan"),
    (
        "paragraph",
        "<p>Bencana dapat membuat warga kaget, takut, sedih, atau marah. Reaksi seperti ini "
        "wajar. PSM tidak perlu menjadi psikolog untuk membantu. Yang dibutuhkan adalah sikap "
        "tenang, kesediaan mendengarkan tanpa memaksa orang bercerita, dan kesigapan "
        "menghubungkan mereka dengan bantuan. Prinsip yang banyak dipakai dalam <i>dukungan "
        "psikologis awal</i> dapat diringkas menjadi tiga kata: <b>lihat</b>, <b>dengar</b>, dan "
        "<b>hubungkan</b>.</p>",
    ),
    (
        "table",
        {
            "caption": "Lihat, dengar, hubungkan",
            "header": ["Langkah", "Yang dilakukan"],
            "rows": [
                [
                    "Lihat",
                    "Perhatikan keselamatan, kebutuhan dasar yang mendesak, dan orang yang tampak "
                    "sangat tertekan",
                ],
                [
                    "Dengar",
                    "Dekati dengan sopan, tanyakan kebutuhan dan kekhawatirannya, dengarkan, dan "
                    "bantu ia merasa tenang",
                ],
                [
                    "Hubungkan",
                    "Bantu ia mendapatkan kebutuhan dasar, informasi, kontak dengan keluarganya, "
                    "dan layanan lanjutan",
                ],
            ],
        },
    ),
    (
        "callout",
        {
            "kind": "warning",
            "title": "Yang sebaiknya dihindari",
            "text": (
                "<p>Jangan memaksa penyintas menceritakan kejadian secara rinci, jangan "
                "menjanjikan hal yang belum pasti, dan jangan berkata <i>Untung hanya rumah yang "
                "rusak</i>. Kalimat seperti itu dapat terasa mengecilkan kehilangan mereka.</p>"
            ),
        },
    ),
    (
        "glossary",
        {
            "term": "Penyintas",
            "definition": "Orang yang selamat dari suatu bencana atau peristiwa berat.",
        },
    ),
    (
        "callout",
        {
            "kind": "tip",
            "title": "Jaga diri Anda juga",
            "text": (
                "<p>Relawan pun bisa kelelahan. Atur waktu istirahat, makan dan minum secukupnya, "
                "bergantian tugas dengan rekan, dan ceritakan beban pikiran kepada orang yang Anda "
                "percaya. Relawan yang sehat dapat membantu lebih lama.</p>"
            ),
        },
    ),
]

_BODY_MENDAMPINGI_PEMULIHAN = [
    ("heading", "Setelah posko ditutup"),
    (
        "paragraph",
        "<p>Ketika posko ditutup dan relawan dari luar pulang, banyak keluarga masih berjuang: "
        "rumah belum diperbaiki, mata pencaharian hilang, atau anak masih takut tidur sendiri. "
        "Pada tahap ini PSM menjadi pendamping yang paling dekat. Kunjungi kembali keluarga "
        "terdampak secara berkala, terutama kelompok rentan, dan catat perkembangannya.</p>",
    ),
    (
        "table",
        {
            "caption": "Tanda keluarga perlu dirujuk",
            "header": ["Tanda yang diamati", "Kemungkinan rujukan"],
            "rows": [
                [
                    "Anggota keluarga terus murung, sulit tidur, atau menarik diri selama "
                    "berminggu-minggu",
                    "Puskesmas atau layanan dukungan psikososial",
                ],
                ["Keluarga kehilangan sumber penghasilan", "Dinas Sosial dan pemerintah desa"],
                ["Anak berhenti sekolah setelah bencana", "Sekolah dan pemerintah desa"],
                ["Dokumen kependudukan hilang", "Dinas Kependudukan dan Pencatatan Sipil"],
                ["Keluarga belum terdata sebagai korban", "Pemerintah desa dan Dinas Sosial"],
            ],
        },
    ),
    (
        "callout",
        {
            "kind": "case_study",
            "title": "Keluarga Ibu Wati setelah longsor",
            "text": (
                "<p>Tiga bulan setelah longsor, kebun Ibu Wati belum dapat digarap dan ia mulai "
                "meminjam uang untuk kebutuhan sehari-hari. Anak bungsunya masih sering terbangun "
                "pada malam hari ketika hujan turun. Susunlah rencana kunjungan dan rujukan untuk "
                "keluarga ini.</p>"
            ),
        },
    ),
    (
        "paragraph",
        "<p>Di akhir masa tugas, susun laporan singkat yang memuat kegiatan yang dilakukan, "
        "jumlah keluarga yang didata dan didampingi, rujukan yang dibuat, serta kebutuhan yang "
        "belum terpenuhi. Gunakan kode atau inisial untuk menyebut warga, dan serahkan laporan "
        "melalui jalur yang ditetapkan Dinas Sosial.</p>",
    ),
    (
        "glossary",
        {
            "term": "Pemulihan sosial",
            "definition": (
                "Upaya membantu korban bencana agar dapat kembali menjalankan fungsi sosialnya, "
                "misalnya bekerja, bersekolah, dan bergaul dengan lingkungannya."
            ),
        },
    ),
]


# -----------------------------------------------------------------------------
# Courses
# -----------------------------------------------------------------------------

COURSES: list[dict] = [
    {
        "slug": "bimtek-dasar-psm",
        "title": "Bimtek Dasar PSM",
        "summary": (
            "Bimbingan teknis dasar bagi calon dan anggota Pekerja Sosial Masyarakat (PSM) di "
            "Kabupaten Bengkulu Selatan. Peserta mempelajari kebijakan, nilai, dan keterampilan "
            "pokok untuk mendampingi warga di desa atau kelurahan."
        ),
        "jp": 32,
        "objectives": [
            "Menjelaskan dasar hukum, kedudukan, tugas, dan fungsi PSM",
            "Mengenali PSKS dan PPKS di desa atau kelurahan tempat bertugas",
            "Melakukan asesmen sederhana, pendampingan, dan rujukan",
            "Menerapkan etika kerelawanan, termasuk menjaga kerahasiaan klien",
            "Menyusun catatan kasus dan laporan kegiatan secara tertib",
        ],
        "tags": ["kebijakan", "pendampingan", "etika", "dasar"],
        "self_enrol": True,
        "modules": [
            {
                "slug": "kebijakan-kesejahteraan-sosial",
                "title": "Kebijakan Kesejahteraan Sosial",
                "domain": "knowledge",
                "jp": 2,
                "required": True,
                "requires_previous": False,
                "objectives": [
                    "Menjelaskan pokok-pokok UU No. 11 Tahun 2009 tentang Kesejahteraan Sosial",
                    "Menjelaskan kedudukan Permensos No. 10 Tahun 2019 tentang PSM",
                ],
                "tags": ["kebijakan", "regulasi"],
                "lessons": [
                    {
                        "slug": "uu-kesejahteraan-sosial",
                        "title": "UU No. 11 Tahun 2009 tentang Kesejahteraan Sosial",
                        "intro": (
                            "Pelajaran ini mengenalkan undang-undang yang menjadi landasan seluruh "
                            "kerja kesejahteraan sosial, termasuk kerja PSM."
                        ),
                        "body": _BODY_UU_KESEJAHTERAAN_SOSIAL,
                    },
                    {
                        "slug": "permensos-10-2019",
                        "title": "Permensos No. 10 Tahun 2019 tentang PSM",
                        "intro": (
                            "Pelajaran ini menjelaskan peraturan menteri yang secara khusus "
                            "mengatur Pekerja Sosial Masyarakat."
                        ),
                        "body": _BODY_PERMENSOS_10_2019,
                    },
                ],
            },
            {
                "slug": "dasar-dasar-psm",
                "title": "Dasar-Dasar PSM: Kedudukan, Tugas, dan Fungsi",
                "domain": "knowledge",
                "jp": 3,
                "required": True,
                "requires_previous": False,
                "objectives": [
                    "Menjelaskan pengertian dan persyaratan PSM",
                    "Menguraikan tugas dan lima fungsi PSM",
                    "Mengenal IPSM sebagai wadah organisasi PSM",
                ],
                "tags": ["kelembagaan", "peran"],
                "lessons": [
                    {
                        "slug": "siapa-itu-psm",
                        "title": "Siapa Itu PSM?",
                        "intro": (
                            "Pelajaran ini menjelaskan pengertian PSM, persyaratan menjadi PSM, "
                            "dan kedudukannya di desa atau kelurahan."
                        ),
                        "body": _BODY_SIAPA_ITU_PSM,
                    },
                    {
                        "slug": "tugas-dan-fungsi-psm",
                        "title": "Tugas dan Fungsi PSM",
                        "intro": (
                            "Pelajaran ini menguraikan tugas PSM serta lima fungsi yang dijalankan "
                            "dalam kegiatan sehari-hari."
                        ),
                        "body": _BODY_TUGAS_DAN_FUNGSI_PSM,
                    },
                ],
            },
            {
                "slug": "psks-dan-ppks",
                "title": "PSKS dan PPKS/PMKS",
                "domain": "knowledge",
                "jp": 3,
                "required": True,
                "requires_previous": False,
                "objectives": [
                    "Membedakan PSKS dan PPKS",
                    "Mengenali jenis masalah sosial yang ditangani PSM",
                    "Mendaftar potensi dan sumber kesejahteraan sosial di desa",
                ],
                "tags": ["psks", "ppks"],
                "lessons": [
                    {
                        "slug": "mengenal-psks",
                        "title": "Potensi dan Sumber Kesejahteraan Sosial (PSKS)",
                        "intro": (
                            "Pelajaran ini mengajak Anda mengenali kekuatan yang sudah ada di desa "
                            "sebelum melihat masalahnya."
                        ),
                        "body": _BODY_MENGENAL_PSKS,
                    },
                    {
                        "slug": "mengenal-ppks",
                        "title": "Pemerlu Pelayanan Kesejahteraan Sosial (PPKS/PMKS)",
                        "intro": (
                            "Pelajaran ini menjelaskan siapa yang membutuhkan pelayanan "
                            "kesejahteraan sosial dan jenis masalah yang ditangani PSM."
                        ),
                        "body": _BODY_MENGENAL_PPKS,
                    },
                ],
            },
            {
                "slug": "kerelawanan-nilai-etika",
                "title": "Kerelawanan, Nilai, dan Etika",
                "domain": "attitude",
                "jp": 3,
                "required": True,
                "requires_previous": False,
                "objectives": [
                    "Menghayati makna kerelawanan dalam kerja sosial",
                    "Menerapkan prinsip kerahasiaan dan persetujuan warga yang didampingi",
                    "Bersikap hormat dan tidak diskriminatif kepada semua warga",
                ],
                "tags": ["etika", "kerelawanan"],
                "lessons": [
                    {
                        "slug": "makna-kerelawanan",
                        "title": "Makna Kerelawanan",
                        "intro": (
                            "Pelajaran ini mengajak Anda merenungkan alasan menjadi relawan dan "
                            "batas-batas peran seorang PSM."
                        ),
                        "body": _BODY_MAKNA_KERELAWANAN,
                    },
                    {
                        "slug": "etika-dan-kerahasiaan",
                        "title": "Etika Pendampingan dan Kerahasiaan Klien",
                        "intro": (
                            "Pelajaran ini membahas prinsip etika dasar, terutama menjaga "
                            "kerahasiaan dan meminta persetujuan warga yang didampingi."
                        ),
                        "body": _BODY_ETIKA_DAN_KERAHASIAAN,
                    },
                ],
            },
            {
                "slug": "identifikasi-masalah-sosial",
                "title": "Identifikasi dan Pemetaan Masalah Sosial",
                "domain": "skills",
                "jp": 4,
                "required": True,
                "requires_previous": True,
                "objectives": [
                    "Melakukan pemetaan sosial sederhana di tingkat desa",
                    "Melakukan asesmen sederhana terhadap individu dan keluarga",
                    "Menggunakan genogram dan ekomap sederhana",
                ],
                "tags": ["asesmen", "pemetaan"],
                "lessons": [
                    {
                        "slug": "pemetaan-sosial-desa",
                        "title": "Pemetaan Sosial Desa",
                        "intro": (
                            "Pelajaran ini melatih Anda memetakan masalah dan sumber daya sosial "
                            "di wilayah tugas."
                        ),
                        "body": _BODY_PEMETAAN_SOSIAL_DESA,
                    },
                    {
                        "slug": "asesmen-sederhana",
                        "title": "Asesmen Sederhana Individu dan Keluarga",
                        "intro": (
                            "Pelajaran ini mengenalkan cara menggali kebutuhan warga melalui "
                            "wawancara, genogram, dan ekomap."
                        ),
                        "body": _BODY_ASESMEN_SEDERHANA,
                    },
                ],
            },
            {
                "slug": "pendampingan-sosial",
                "title": "Pendampingan Individu, Keluarga, Kelompok, dan Masyarakat",
                "domain": "skills",
                "jp": 5,
                "required": True,
                "requires_previous": True,
                "objectives": [
                    "Melakukan kunjungan rumah dengan tahapan yang tepat",
                    "Menerapkan mendengarkan aktif dalam pendampingan",
                    "Memfasilitasi kegiatan kelompok dan masyarakat",
                ],
                "tags": ["pendampingan", "komunikasi"],
                "lessons": [
                    {
                        "slug": "kunjungan-rumah-dan-mendengarkan-aktif",
                        "title": "Kunjungan Rumah dan Mendengarkan Aktif",
                        "intro": (
                            "Pelajaran ini melatih tahapan kunjungan rumah dan teknik mendengarkan "
                            "aktif saat mendampingi individu dan keluarga."
                        ),
                        "body": _BODY_KUNJUNGAN_RUMAH_DAN_MENDENGARKAN_AKTIF,
                    },
                    {
                        "slug": "pendampingan-kelompok-dan-masyarakat",
                        "title": "Pendampingan Kelompok dan Masyarakat",
                        "intro": (
                            "Pelajaran ini membahas cara PSM menggerakkan kelompok dan masyarakat "
                            "untuk menyelesaikan masalah bersama."
                        ),
                        "body": _BODY_PENDAMPINGAN_KELOMPOK_DAN_MASYARAKAT,
                    },
                ],
            },
            {
                "slug": "rujukan-dan-jejaring",
                "title": "Rujukan dan Jejaring Layanan",
                "domain": "knowledge",
                "jp": 3,
                "required": True,
                "requires_previous": False,
                "objectives": [
                    "Menjelaskan peran SLRT dan Puskesos dalam layanan rujukan",
                    "Menjelaskan fungsi DTKS serta fitur usul dan sanggah di Cek Bansos",
                    "Melakukan rujukan sederhana dengan persetujuan warga",
                ],
                "tags": ["rujukan", "jejaring", "dtks"],
                "lessons": [
                    {
                        "slug": "slrt-dan-puskesos",
                        "title": "SLRT, Puskesos, dan Alur Rujukan",
                        "intro": (
                            "Pelajaran ini menjelaskan jejaring layanan tempat PSM merujuk warga "
                            "dan cara melakukan rujukan yang baik."
                        ),
                        "body": _BODY_SLRT_DAN_PUSKESOS,
                    },
                    {
                        "slug": "dtks-dan-cek-bansos",
                        "title": "DTKS serta Usul dan Sanggah di Cek Bansos",
                        "intro": (
                            "Pelajaran ini mengenalkan DTKS sebagai dasar penetapan sasaran "
                            "bantuan sosial serta fitur usul dan sanggah pada aplikasi Cek Bansos."
                        ),
                        "body": _BODY_DTKS_DAN_CEK_BANSOS,
                    },
                ],
            },
            {
                "slug": "tanggap-darurat-bencana",
                "title": "Tanggap Darurat Bencana dan Kedaruratan Sosial",
                "domain": "skills",
                "jp": 2,
                "required": True,
                "requires_previous": False,
                "objectives": [
                    "Menjelaskan peran PSM bersama Tagana sebelum, saat, dan sesudah bencana",
                    "Mendata warga terdampak dengan mendahulukan kelompok rentan",
                ],
                "tags": ["bencana", "tagana"],
                "lessons": [
                    {
                        "slug": "peran-psm-saat-bencana",
                        "title": "Peran PSM Saat Bencana",
                        "intro": (
                            "Pelajaran ini menjelaskan apa yang dapat dilakukan PSM sebelum, saat, "
                            "dan sesudah bencana bersama Tagana."
                        ),
                        "body": _BODY_PERAN_PSM_SAAT_BENCANA,
                    },
                ],
            },
            {
                "slug": "pencatatan-dan-pelaporan",
                "title": "Pencatatan dan Pelaporan",
                "domain": "skills",
                "jp": 3,
                "required": True,
                "requires_previous": False,
                "objectives": [
                    "Menulis catatan kasus sederhana yang faktual",
                    "Menyusun laporan kegiatan berkala",
                    "Menyimpan dokumen warga dengan aman",
                ],
                "tags": ["administrasi", "pelaporan"],
                "lessons": [
                    {
                        "slug": "menulis-catatan-kasus",
                        "title": "Menulis Catatan Kasus",
                        "intro": (
                            "Pelajaran ini melatih Anda menulis catatan kasus yang singkat, "
                            "faktual, dan mudah dipahami orang lain."
                        ),
                        "body": _BODY_MENULIS_CATATAN_KASUS,
                    },
                    {
                        "slug": "menyusun-laporan-kegiatan",
                        "title": "Menyusun Laporan Kegiatan",
                        "intro": (
                            "Pelajaran ini menjelaskan cara menyusun laporan kegiatan berkala "
                            "untuk pemerintah desa dan Dinas Sosial."
                        ),
                        "body": _BODY_MENYUSUN_LAPORAN_KEGIATAN,
                    },
                ],
            },
            {
                "slug": "studi-kasus-dan-praktik-lapangan",
                "title": "Studi Kasus dan Praktik Lapangan",
                "domain": "skills",
                "jp": 4,
                "required": True,
                "requires_previous": True,
                "objectives": [
                    "Menerapkan asesmen, pendampingan, dan rujukan pada satu kasus utuh",
                    "Melakukan kunjungan rumah dengan pengamatan fasilitator",
                    "Merefleksikan sikap dan nilai selama praktik",
                ],
                "tags": ["praktik", "refleksi"],
                "lessons": [
                    {
                        "slug": "analisis-studi-kasus",
                        "title": "Analisis Studi Kasus",
                        "intro": (
                            "Pelajaran ini mengajak Anda menerapkan seluruh materi bimtek untuk "
                            "menganalisis satu kasus secara utuh."
                        ),
                        "body": _BODY_ANALISIS_STUDI_KASUS,
                    },
                    {
                        "slug": "praktik-lapangan-dan-refleksi",
                        "title": "Praktik Lapangan dan Refleksi",
                        "intro": (
                            "Pelajaran ini memandu pelaksanaan praktik lapangan di desa tempat "
                            "tugas dan refleksi sesudahnya."
                        ),
                        "body": _BODY_PRAKTIK_LAPANGAN_DAN_REFLEKSI,
                    },
                ],
            },
        ],
    },
    {
        "slug": "pendampingan-keluarga-penerima-bansos",
        "title": "Pendampingan Keluarga Penerima Bantuan Sosial",
        "summary": (
            "Pelatihan tematik bagi PSM yang mendampingi keluarga penerima dan calon penerima "
            "bantuan sosial. Materinya mencakup DTKS, usul dan sanggah di Cek Bansos, kunjungan "
            "keluarga, serta integritas pendamping."
        ),
        "jp": 12,
        "objectives": [
            "Menjelaskan peran DTKS dalam penetapan sasaran bantuan sosial",
            "Mendampingi keluarga dalam pemutakhiran data serta usul dan sanggah di Cek Bansos",
            "Menyusun rencana pendampingan bersama keluarga",
            "Menjaga integritas, keadilan, dan kerahasiaan dalam pendampingan bantuan sosial",
        ],
        "tags": ["bansos", "pendampingan", "dtks"],
        "self_enrol": True,
        "modules": [
            {
                "slug": "memahami-bansos-dan-dtks",
                "title": "Memahami Bantuan Sosial dan DTKS",
                "domain": "knowledge",
                "jp": 3,
                "required": True,
                "requires_previous": False,
                "objectives": [
                    "Menjelaskan tujuan bantuan sosial dan peran DTKS",
                    "Menjelaskan alur pemutakhiran data di tingkat desa",
                ],
                "tags": ["bansos", "dtks"],
                "lessons": [
                    {
                        "slug": "bansos-dan-dtks",
                        "title": "Bantuan Sosial dan Data Terpadu Kesejahteraan Sosial",
                        "intro": (
                            "Pelajaran ini menjelaskan hubungan antara bantuan sosial, data "
                            "keluarga, dan peran PSM dalam menjaga ketepatan sasaran."
                        ),
                        "body": _BODY_BANSOS_DAN_DTKS,
                    },
                    {
                        "slug": "alur-pemutakhiran-data-desa",
                        "title": "Alur Pemutakhiran Data di Desa",
                        "intro": (
                            "Pelajaran ini menjelaskan bagaimana usulan perubahan data keluarga "
                            "bergerak dari desa hingga diverifikasi."
                        ),
                        "body": _BODY_ALUR_PEMUTAKHIRAN_DATA_DESA,
                    },
                ],
            },
            {
                "slug": "kunjungan-dan-rencana-keluarga",
                "title": "Kunjungan dan Rencana Pendampingan Keluarga",
                "domain": "skills",
                "jp": 4,
                "required": True,
                "requires_previous": True,
                "objectives": [
                    "Melakukan kunjungan keluarga untuk mencocokkan data dengan keadaan sebenarnya",
                    "Menyusun rencana pendampingan bersama keluarga",
                    "Memantau kemajuan keluarga secara berkala",
                ],
                "tags": ["pendampingan", "keluarga"],
                "lessons": [
                    {
                        "slug": "kunjungan-cocok-data-keluarga",
                        "title": "Kunjungan untuk Mencocokkan Data Keluarga",
                        "intro": (
                            "Pelajaran ini melatih cara berkunjung ke rumah keluarga untuk "
                            "mencocokkan data dengan keadaan sebenarnya tanpa membuat keluarga "
                            "merasa dihakimi."
                        ),
                        "body": _BODY_KUNJUNGAN_COCOK_DATA_KELUARGA,
                    },
                    {
                        "slug": "rencana-pendampingan-keluarga",
                        "title": "Menyusun Rencana Pendampingan Bersama Keluarga",
                        "intro": (
                            "Pelajaran ini membahas cara menyusun rencana sederhana agar bantuan "
                            "sosial menjadi pijakan keluarga untuk lebih mandiri."
                        ),
                        "body": _BODY_RENCANA_PENDAMPINGAN_KELUARGA,
                    },
                ],
            },
            {
                "slug": "mendampingi-usul-dan-sanggah",
                "title": "Mendampingi Usul dan Sanggah di Cek Bansos",
                "domain": "skills",
                "jp": 3,
                "required": True,
                "requires_previous": True,
                "objectives": [
                    "Membantu warga memeriksa status bantuan di Cek Bansos",
                    "Mendampingi warga menyampaikan usul atau sanggah dengan data yang benar",
                    "Menindaklanjuti hasil verifikasi bersama warga",
                ],
                "tags": ["bansos", "data"],
                "lessons": [
                    {
                        "slug": "praktik-usul-dan-sanggah",
                        "title": "Praktik Usul dan Sanggah",
                        "intro": (
                            "Pelajaran ini memandu PSM mendampingi warga memakai fitur usul dan "
                            "sanggah pada aplikasi Cek Bansos secara benar dan bertanggung jawab."
                        ),
                        "body": _BODY_PRAKTIK_USUL_DAN_SANGGAH,
                    },
                ],
            },
            {
                "slug": "integritas-pendamping-bansos",
                "title": "Integritas dan Keadilan dalam Pendampingan Bansos",
                "domain": "attitude",
                "jp": 2,
                "required": True,
                "requires_previous": False,
                "objectives": [
                    "Menolak segala bentuk pungutan dan imbalan",
                    "Bersikap adil dan tidak pilih kasih",
                    "Menjaga kerahasiaan data keluarga",
                ],
                "tags": ["etika", "integritas"],
                "lessons": [
                    {
                        "slug": "menjaga-integritas",
                        "title": "Menjaga Integritas dan Kepercayaan Warga",
                        "intro": (
                            "Pelajaran ini mengajak Anda merenungkan godaan dan tekanan yang "
                            "sering muncul dalam pendampingan bantuan sosial."
                        ),
                        "body": _BODY_MENJAGA_INTEGRITAS,
                    },
                ],
            },
        ],
    },
    {
        "slug": "tanggap-darurat-bencana-tagana",
        "title": "Tanggap Darurat Bencana bersama Tagana",
        "summary": (
            "Pelatihan bagi PSM yang ditunjuk Dinas Sosial untuk mendukung Tagana dalam tanggap "
            "darurat bencana alam dan bencana sosial. Peserta berlatih mendata pengungsi, "
            "mendukung dapur umum, dan memberikan dukungan psikososial awal."
        ),
        "jp": 10,
        "objectives": [
            "Membedakan bencana alam dan bencana sosial serta peran para pihak",
            "Mendata pengungsi dengan mendahulukan kelompok rentan",
            "Memberikan dukungan psikososial awal dengan sikap yang tepat",
            "Mendampingi pemulihan sosial keluarga terdampak",
        ],
        "tags": ["bencana", "tagana", "kedaruratan"],
        "self_enrol": False,
        "modules": [
            {
                "slug": "mengenal-bencana-dan-peran",
                "title": "Mengenal Bencana dan Pembagian Peran",
                "domain": "knowledge",
                "jp": 2,
                "required": True,
                "requires_previous": False,
                "objectives": [
                    "Membedakan bencana alam dan bencana sosial",
                    "Menjelaskan peran PSM, Tagana, dan pihak lain dalam penanganan bencana",
                ],
                "tags": ["bencana", "tagana"],
                "lessons": [
                    {
                        "slug": "bencana-alam-dan-sosial",
                        "title": "Bencana Alam, Bencana Sosial, dan Para Pihak",
                        "intro": (
                            "Pelajaran ini menjelaskan jenis bencana yang mungkin terjadi di "
                            "sekitar kita dan siapa saja yang terlibat dalam penanganannya."
                        ),
                        "body": _BODY_BENCANA_ALAM_DAN_SOSIAL,
                    },
                ],
            },
            {
                "slug": "pendataan-dan-layanan-darurat",
                "title": "Pendataan Pengungsi dan Layanan Darurat",
                "domain": "skills",
                "jp": 4,
                "required": True,
                "requires_previous": True,
                "objectives": [
                    "Melakukan pendataan cepat pengungsi dan kelompok rentan",
                    "Mendukung dapur umum dan posko pengungsian bersama Tagana",
                    "Menyampaikan data secara cepat dan aman",
                ],
                "tags": ["bencana", "pendataan", "pengungsian"],
                "lessons": [
                    {
                        "slug": "pendataan-cepat-pengungsi",
                        "title": "Pendataan Cepat Pengungsi dan Kelompok Rentan",
                        "intro": (
                            "Pelajaran ini melatih cara mendata pengungsi dengan cepat dan rapi "
                            "agar bantuan sampai kepada yang paling membutuhkan."
                        ),
                        "body": _BODY_PENDATAAN_CEPAT_PENGUNGSI,
                    },
                    {
                        "slug": "dapur-umum-dan-posko",
                        "title": "Mendukung Dapur Umum dan Posko Pengungsian",
                        "intro": (
                            "Pelajaran ini menjelaskan cara PSM membantu Tagana mengelola dapur "
                            "umum dan posko pengungsian yang tertib serta ramah kelompok rentan."
                        ),
                        "body": _BODY_DAPUR_UMUM_DAN_POSKO,
                    },
                ],
            },
            {
                "slug": "dukungan-psikososial-awal",
                "title": "Dukungan Psikososial Awal dan Sikap di Lapangan",
                "domain": "attitude",
                "jp": 2,
                "required": True,
                "requires_previous": False,
                "objectives": [
                    "Menunjukkan sikap empati dan tenang kepada penyintas",
                    "Menerapkan prinsip lihat, dengar, dan hubungkan",
                    "Menjaga diri dari kelelahan sebagai relawan",
                ],
                "tags": ["psikososial", "empati"],
                "lessons": [
                    {
                        "slug": "hadir-bagi-penyintas",
                        "title": "Hadir bagi Penyintas",
                        "intro": (
                            "Pelajaran ini membahas sikap dan cara sederhana mendampingi warga "
                            "yang baru mengalami bencana, serta cara menjaga diri sebagai relawan."
                        ),
                        "body": _BODY_HADIR_BAGI_PENYINTAS,
                    },
                ],
            },
            {
                "slug": "pemulihan-sosial-pascabencana",
                "title": "Pemulihan Sosial Pascabencana",
                "domain": "skills",
                "jp": 2,
                "required": True,
                "requires_previous": True,
                "objectives": [
                    "Memantau keadaan keluarga terdampak setelah masa darurat",
                    "Merujuk keluarga yang membutuhkan layanan lanjutan",
                    "Menyusun laporan singkat kegiatan tanggap darurat",
                ],
                "tags": ["pemulihan", "pelaporan"],
                "lessons": [
                    {
                        "slug": "mendampingi-pemulihan",
                        "title": "Mendampingi Pemulihan dan Melaporkan",
                        "intro": (
                            "Pelajaran ini membahas peran PSM setelah masa tanggap darurat "
                            "berakhir, ketika perhatian pihak luar mulai berkurang."
                        ),
                        "body": _BODY_MENDAMPINGI_PEMULIHAN,
                    },
                ],
            },
        ],
    },
]


# -----------------------------------------------------------------------------
# Demo volunteers (fictional)
# -----------------------------------------------------------------------------

VOLUNTEERS: list[dict] = [
    {
        "username": "psm.sari",
        "full_name": "Sari Yulianti",
        "sex": "P",
        "birth_place": "Manna",
        "birth_date": "1985-04-12",
        "phone": "081299000107",
        "district": "Manna",
        "village": "Desa Suka Maju",
        "year_appointed": 2016,
        "ipsm_number": "IPSM-BS-0001",
        "email": "sari.yulianti@example.org",
    },
    {
        "username": "psm.darman",
        "full_name": "Darman Saputra",
        "sex": "L",
        "birth_place": "Manna",
        "birth_date": "1978-09-03",
        "phone": "081299000114",
        "district": "Manna",
        "village": "Desa Tanjung Harapan",
        "year_appointed": 2013,
        "ipsm_number": "IPSM-BS-0002",
        "email": "",
    },
    {
        "username": "psm.nurhayati",
        "full_name": "Nurhayati",
        "sex": "P",
        "birth_place": "Bengkulu",
        "birth_date": "1990-01-25",
        "phone": "081299000122",
        "district": "Manna",
        "village": "Desa Karya Bakti",
        "year_appointed": 2019,
        "ipsm_number": "",
        "email": "",
    },
    {
        "username": "psm.herman",
        "full_name": "Herman Syahputra",
        "sex": "L",
        "birth_place": "Manna",
        "birth_date": "1972-06-17",
        "phone": "081299000139",
        "district": "Kota Manna",
        "village": "Kelurahan Mekar Jaya",
        "year_appointed": 2012,
        "ipsm_number": "IPSM-BS-0003",
        "email": "herman.syahputra@example.org",
    },
    {
        "username": "psm.rosita",
        "full_name": "Rosita Dewi",
        "sex": "P",
        "birth_place": "Curup",
        "birth_date": "1988-11-08",
        "phone": "081299000145",
        "district": "Kota Manna",
        "village": "Kelurahan Sejahtera",
        "year_appointed": 2018,
        "ipsm_number": "IPSM-BS-0004",
        "email": "rosita.dewi@example.org",
    },
    {
        "username": "psm.fajar",
        "full_name": "Fajar Ramadhan",
        "sex": "L",
        "birth_place": "Manna",
        "birth_date": "2001-12-19",
        "phone": "081299000153",
        "district": "Kota Manna",
        "village": "Kelurahan Bukit Indah",
        "year_appointed": 2023,
        "ipsm_number": "",
        "email": "fajar.ramadhan@example.org",
    },
    {
        "username": "psm.yusnani",
        "full_name": "Yusnani",
        "sex": "P",
        "birth_place": "Manna",
        "birth_date": "1970-03-30",
        "phone": "081299000168",
        "district": "Kedurang",
        "village": "Desa Sumber Rejeki",
        "year_appointed": 2012,
        "ipsm_number": "IPSM-BS-0005",
        "email": "",
    },
    {
        "username": "psm.bustami",
        "full_name": "Bustami",
        "sex": "L",
        "birth_place": "Kepahiang",
        "birth_date": "1969-05-14",
        "phone": "081299000176",
        "district": "Kedurang",
        "village": "Desa Air Jernih",
        "year_appointed": 2014,
        "ipsm_number": "IPSM-BS-0006",
        "email": "",
    },
    {
        "username": "psm.marlina",
        "full_name": "Marlina Susanti",
        "sex": "P",
        "birth_place": "Tais",
        "birth_date": "1983-07-21",
        "phone": "081299000181",
        "district": "Bunga Mas",
        "village": "Desa Mekar Sari",
        "year_appointed": 2017,
        "ipsm_number": "IPSM-BS-0007",
        "email": "marlina.susanti@example.org",
    },
    {
        "username": "psm.zulkarnain",
        "full_name": "Zulkarnain",
        "sex": "L",
        "birth_place": "Manna",
        "birth_date": "1975-10-02",
        "phone": "081299000197",
        "district": "Bunga Mas",
        "village": "Desa Padang Sejahtera",
        "year_appointed": 2015,
        "ipsm_number": "IPSM-BS-0008",
        "email": "",
    },
    {
        "username": "psm.elvi",
        "full_name": "Elvi Rahmawati",
        "sex": "P",
        "birth_place": "Bengkulu",
        "birth_date": "1993-02-14",
        "phone": "081299000203",
        "district": "Pasar Manna",
        "village": "Kelurahan Teluk Harapan",
        "year_appointed": 2020,
        "ipsm_number": "IPSM-BS-0009",
        "email": "elvi.rahmawati@example.org",
    },
    {
        "username": "psm.sukardi",
        "full_name": "Sukardi",
        "sex": "L",
        "birth_place": "Manna",
        "birth_date": "1971-08-09",
        "phone": "081299000215",
        "district": "Pasar Manna",
        "village": "Kelurahan Karya Maju",
        "year_appointed": 2012,
        "ipsm_number": "IPSM-BS-0010",
        "email": "",
    },
    {
        "username": "psm.desi",
        "full_name": "Desi Purnamasari",
        "sex": "P",
        "birth_place": "Manna",
        "birth_date": "1996-05-05",
        "phone": "081299000226",
        "district": "Kedurang Ilir",
        "village": "Desa Suka Damai",
        "year_appointed": 2021,
        "ipsm_number": "",
        "email": "desi.purnamasari@example.org",
    },
    {
        "username": "psm.juliansyah",
        "full_name": "Juliansyah",
        "sex": "L",
        "birth_place": "Bintuhan",
        "birth_date": "1986-07-27",
        "phone": "081299000234",
        "district": "Kedurang Ilir",
        "village": "Desa Tanjung Sari",
        "year_appointed": 2016,
        "ipsm_number": "IPSM-BS-0011",
        "email": "",
    },
    {
        "username": "psm.leni",
        "full_name": "Leni Marlianti",
        "sex": "P",
        "birth_place": "Manna",
        "birth_date": "1989-09-15",
        "phone": "081299000248",
        "district": "Seginim",
        "village": "Desa Sinar Pagi",
        "year_appointed": 2018,
        "ipsm_number": "IPSM-BS-0012",
        "email": "",
    },
    {
        "username": "psm.rahmat",
        "full_name": "Rahmat Hidayat",
        "sex": "L",
        "birth_place": "Curup",
        "birth_date": "1980-12-01",
        "phone": "081299000251",
        "district": "Seginim",
        "village": "Desa Karang Indah",
        "year_appointed": 2014,
        "ipsm_number": "IPSM-BS-0013",
        "email": "rahmat.hidayat@example.org",
    },
    {
        "username": "psm.wati",
        "full_name": "Wati Handayani",
        "sex": "P",
        "birth_place": "Manna",
        "birth_date": "1977-04-04",
        "phone": "081299000263",
        "district": "Air Nipis",
        "village": "Desa Sido Makmur",
        "year_appointed": 2013,
        "ipsm_number": "IPSM-BS-0014",
        "email": "",
    },
    {
        "username": "psm.sapriadi",
        "full_name": "Sapriadi",
        "sex": "L",
        "birth_place": "Manna",
        "birth_date": "1991-03-11",
        "phone": "081299000272",
        "district": "Air Nipis",
        "village": "Desa Maju Bersama",
        "year_appointed": 2019,
        "ipsm_number": "IPSM-BS-0015",
        "email": "",
    },
    {
        "username": "psm.fitri",
        "full_name": "Fitri Anggraini",
        "sex": "P",
        "birth_place": "Arga Makmur",
        "birth_date": "1994-10-23",
        "phone": "081299000286",
        "district": "Pino",
        "village": "Desa Harapan Baru",
        "year_appointed": 2022,
        "ipsm_number": "",
        "email": "fitri.anggraini@example.org",
    },
    {
        "username": "psm.arpan",
        "full_name": "Arpan Saleh",
        "sex": "L",
        "birth_place": "Manna",
        "birth_date": "1974-01-19",
        "phone": "081299000294",
        "district": "Pino",
        "village": "Desa Sumber Makmur",
        "year_appointed": 2015,
        "ipsm_number": "IPSM-BS-0016",
        "email": "",
    },
    {
        "username": "psm.yuliana",
        "full_name": "Yuliana",
        "sex": "P",
        "birth_place": "Kepahiang",
        "birth_date": "1987-06-06",
        "phone": "081299000305",
        "district": "Pino Raya",
        "village": "Desa Tunas Harapan",
        "year_appointed": 2017,
        "ipsm_number": "IPSM-BS-0017",
        "email": "yuliana@example.org",
    },
    {
        "username": "psm.edi",
        "full_name": "Edi Susanto",
        "sex": "L",
        "birth_place": "Manna",
        "birth_date": "1982-08-30",
        "phone": "081299000317",
        "district": "Pino Raya",
        "village": "Desa Bina Karya",
        "year_appointed": 2016,
        "ipsm_number": "IPSM-BS-0018",
        "email": "",
    },
    {
        "username": "psm.asmara",
        "full_name": "Asmara Wijaya",
        "sex": "L",
        "birth_place": "Muara Aman",
        "birth_date": "1979-11-11",
        "phone": "081299000328",
        "district": "Ulu Manna",
        "village": "Desa Tanjung Makmur",
        "year_appointed": 2014,
        "ipsm_number": "IPSM-BS-0019",
        "email": "",
    },
    {
        "username": "psm.rusmini",
        "full_name": "Rusmini",
        "sex": "P",
        "birth_place": "Manna",
        "birth_date": "2002-02-20",
        "phone": "081299000336",
        "district": "Ulu Manna",
        "village": "Desa Lubuk Damai",
        "year_appointed": 2024,
        "ipsm_number": "",
        "email": "",
    },
]
