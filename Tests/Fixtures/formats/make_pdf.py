"""Writes a PDF of a UTF-8 text file, one text line a PDF line, with a page break where a line is a form feed.
usage: python3 make_pdf.py IN.txt OUT.pdf [IN2.txt OUT2.pdf …]
(needs: pip install reportlab; apt-get install fonts-wqy-zenhei)"""
import sys
from reportlab.pdfgen import canvas
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
pdfmetrics.registerFont(TTFont("zh", FONT, subfontIndex=0))
def make(src, out):
    c = canvas.Canvas(out)
    width, height = c._pagesize
    y = height - 72
    c.setFont("zh", 11)
    for line in open(src, encoding="utf-8").read().split("\n"):
        if line == "\f":
            c.showPage(); c.setFont("zh", 11); y = height - 72; continue
        if y < 72:
            c.showPage(); c.setFont("zh", 11); y = height - 72
        if line.startswith(">"):  # right-aligned (signature block)
            c.drawRightString(width - 72, y, line[1:]); y -= 18; continue
        while True:  # hard-wrap long lines as typeset PDFs do
            c.drawString(72, y, line[:36]); y -= 18
            line = line[36:]
            if not line: break
    c.save()

args = sys.argv[1:]
for i in range(0, len(args) - 1, 2):
    make(args[i], args[i + 1])
