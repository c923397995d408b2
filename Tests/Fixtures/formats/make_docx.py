"""Writes policy.docx: the content of policy.txt as a Word document with a joint-issue red header (a table),
paragraphs, and a right-aligned signature block. Run: python3 make_docx.py (standard library only)."""
import zipfile
from xml.sax.saxutils import escape

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

def para(text, align=None, red=False, runs=None):
    ppr = f'<w:pPr><w:jc w:val="{align}"/></w:pPr>' if align else ""
    rpr = '<w:rPr><w:color w:val="FF0000"/><w:sz w:val="52"/></w:rPr>' if red else ""
    parts = runs if runs is not None else [text]
    body = "".join(f'<w:r>{rpr}<w:t xml:space="preserve">{escape(p)}</w:t></w:r>' for p in parts)
    return f"<w:p>{ppr}{body}</w:p>"

header = ('<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
          '<w:tr><w:tc>' + para("国家发展改革委", red=True) + '</w:tc><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>' + para("文件", red=True) + '</w:tc></w:tr>'
          '<w:tr><w:tc>' + para("财政部", red=True) + '</w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>')
body = [
    header,
    para("发改经贸〔2031〕57号", align="center"),
    "<w:p/>",
    # the title split over runs, as Word does
    para(None, align="center", runs=["国家发展改革委 财政部关于开展城乡冷链", "物流示范工作的通知"]),
    para("各省、自治区、直辖市发展改革委、财政厅（局）："),
    para("　　为贯彻落实扩大内需战略，补齐城乡冷链物流短板，国家发展改革委、财政部决定开展城乡冷链物流示范工作。现将有关事项通知如下。"),
    para("　　一、工作目标"),
    para(None, runs=["　　到2035年，示范城市冷链流通率达到60%以上，", "果蔬产地损耗率控制在8%以内，新增冷库库容不少于500万吨。"]),
    para("　　二、支持方式"),
    para("　　中央财政对每个示范城市给予不超过3亿元的奖补资金，由省级财政部门统筹安排使用。"),
    para("　　三、组织实施"),
    para("　　各地发展改革部门会同财政部门制定实施方案，于2031年6月30日前报送国家发展改革委。"),
    para("　　附：《城乡冷链物流示范城市申报指南》"),
    '<w:p><w:r><w:delText>已删除的文字</w:delText></w:r></w:p>',
    para("国家发展改革委", align="right"),
    para("财政部", align="right"),
    para("2031年3月8日", align="right"),
]
document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{"".join(body)}<w:sectPr/></w:body></w:document>'
content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>')
rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>')
core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
    '<dc:title>关于开展城乡冷链物流示范工作的通知</dc:title><dc:creator>示例</dc:creator></cp:coreProperties>')
with zipfile.ZipFile("policy.docx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", content_types)
    z.writestr("_rels/.rels", rels)
    z.writestr("word/document.xml", document)
    z.writestr("docProps/core.xml", core)
