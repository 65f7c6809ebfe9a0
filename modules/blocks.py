"""StreamField blocks shared by lesson pages. Each carries an icon, a template and an admin
preview (a sample value rendered through templates/wagtailcore/shared/block_preview.html)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading")), ("h3", _("Subheading"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "modules/blocks/heading.html"
        preview_value = {"text": "Peran PSM di desa", "level": "h2"}
        description = _("A section heading inside the lesson.")


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Rich text")
        template = "modules/blocks/paragraph.html"
        preview_value = (
            "<p>PSM adalah <b>warga masyarakat</b> yang dengan sukarela membantu "
            "penyelenggaraan kesejahteraan sosial di desa.</p>"
        )
        description = _("Paragraphs, lists and links.")


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=200,
        required=False,
        help_text=_("Describe the image for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=250, required=False)

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "modules/blocks/image.html"
        description = _("An image, resized for phones, with an optional caption.")

    def get_preview_value(self):
        # Preview with the newest image in the library, so editors see the real layout.
        from wagtail.images import get_image_model

        image = get_image_model().objects.order_by("-pk").first()
        return self.to_python(
            {"image": image.pk if image else None, "alt_text": "", "caption": "Contoh keterangan"}
        )


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Video URL"), max_width=720)
    caption = blocks.CharBlock(label=_("Caption"), max_length=250, required=False)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "modules/blocks/video.html"
        # No live URL in the preview: fetching oEmbed data would need the internet.
        preview_value = {"video": None, "caption": "Video pembelajaran"}
        description = _("An embedded video (YouTube and similar). It loads only when tapped.")


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), max_length=200, required=False)

    class Meta:
        icon = "doc-full"
        label = _("Downloadable document")
        template = "modules/blocks/document.html"
        description = _("A file volunteers can download, with its size shown.")

    def get_preview_value(self):
        from wagtail.documents import get_document_model

        document = get_document_model().objects.order_by("-pk").first()
        return self.to_python({"document": document.pk if document else None, "title": ""})


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[
            ("tip", _("Tip")),
            ("warning", _("Warning")),
            ("case_study", _("Case study")),
        ],
        default="tip",
    )
    title = blocks.CharBlock(label=_("Title"), max_length=200, required=False)
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Callout")
        template = "modules/blocks/callout.html"
        preview_value = {
            "kind": "tip",
            "title": "Tips",
            "text": "<p>Catat setiap kunjungan rumah pada hari yang sama.</p>",
        }
        description = _("A highlighted tip, warning or case study.")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    source = blocks.CharBlock(label=_("Source"), max_length=200, required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "modules/blocks/quote.html"
        preview_value = {
            "text": "Menolong dengan ikhlas, bekerja dengan tuntas.",
            "source": "Semboyan relawan",
        }
        description = _("A quotation with its source.")


class GlossaryBlock(blocks.StructBlock):
    term = blocks.CharBlock(label=_("Term"), max_length=100)
    definition = blocks.TextBlock(label=_("Definition"))

    class Meta:
        icon = "list-ul"
        label = _("Glossary term")
        template = "modules/blocks/glossary.html"
        preview_value = {
            "term": "PPKS",
            "definition": "Pemerlu Pelayanan Kesejahteraan Sosial.",
        }
        description = _("A term and what it means.")


class LessonTableBlock(TableBlock):
    class Meta:
        icon = "table"
        label = _("Table")
        template = "modules/blocks/table.html"
        preview_value = {
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": "Fungsi PSM",
            "data": [["Fungsi", "Contoh"], ["Motivator", "Mengajak warga ikut posyandu"]],
        }
        description = _("A simple table with an optional header row and caption.")


class LessonStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    video = VideoBlock()
    document = DocumentBlock()
    callout = CalloutBlock()
    quote = QuoteBlock()
    table = LessonTableBlock()
    glossary = GlossaryBlock()
