using System.IO.Compression;
using System.Text;
using System.Xml.Linq;

namespace NingxiaTrade.Tests.Support;

/// <summary>
/// Hand-made .xlsx packages for import tests (and bench/ImportBomb): a zip bomb written straight through
/// System.IO.Compression, and a ClosedXML-made file with one cell replaced by what Excel writes for a formula.
/// </summary>
public static class XlsxFiles
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>
    /// An .xlsx whose one worksheet holds <paramref name="rows"/> × <paramref name="columns"/> cells of the number 1,
    /// without cell references, so it compresses to a tiny file. <paramref name="dimension"/> is written as the
    /// worksheet's declared range when given (an honest or a lying one); none is written otherwise.
    /// </summary>
    public static void WriteBomb(Stream output, int rows, int columns, string? dimension)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        WritePart(zip, "[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>
            """);
        WritePart(zip, "_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """);
        WritePart(zip, "xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>
            """);
        WritePart(zip, "xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
            """);
        var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize);
        using var sheet = new StreamWriter(entry.Open(), new UTF8Encoding(false), 1 << 16);
        sheet.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"{Main}\">");
        if (dimension is not null)
        {
            sheet.Write($"<dimension ref=\"{dimension}\"/>");
        }
        sheet.Write("<sheetData>");
        var row = new StringBuilder("<row>");
        for (var c = 0; c < columns; c++)
        {
            row.Append("<c><v>1</v></c>");
        }
        var rowXml = row.Append("</row>").ToString();
        for (var r = 0; r < rows; r++)
        {
            sheet.Write(rowXml);
        }
        sheet.Write("</sheetData></worksheet>");
    }

    /// <summary>The bomb as a seekable stream.</summary>
    public static MemoryStream Bomb(int rows, int columns, string? dimension)
    {
        var stream = new MemoryStream();
        WriteBomb(stream, rows, columns, dimension);
        stream.Position = 0;
        return stream;
    }

    /// <summary>
    /// A copy of <paramref name="xlsx"/> whose cell <paramref name="reference"/> on the first worksheet is replaced by a
    /// formula with its saved result, as Excel writes it: a <paramref name="type"/> of "e" with a value such as "#DIV/0!"
    /// is a formula evaluating to an error.
    /// </summary>
    public static MemoryStream WithFormula(Stream xlsx, string reference, string formula, string? type, string? value)
    {
        var copy = new MemoryStream();
        xlsx.Position = 0;
        xlsx.CopyTo(copy);
        using (var zip = new ZipArchive(copy, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
                .OrderBy(e => e.FullName, StringComparer.Ordinal).First();
            var name = entry.FullName;
            XDocument document;
            using (var read = entry.Open())
            {
                document = XDocument.Load(read);
            }
            XNamespace ns = Main;
            var rowNumber = int.Parse(new string(reference.SkipWhile(char.IsLetter).ToArray()));
            var row = document.Descendants(ns + "row").Single(r => (int)r.Attribute("r")! == rowNumber);
            var cell = new XElement(ns + "c", new XAttribute("r", reference),
                type is null ? null : new XAttribute("t", type),
                new XElement(ns + "f", formula),
                value is null ? null : new XElement(ns + "v", value));
            var existing = row.Elements(ns + "c").SingleOrDefault(c => (string?)c.Attribute("r") == reference);
            if (existing is not null)
            {
                existing.ReplaceWith(cell);
            }
            else
            {
                row.Add(cell);
            }
            entry.Delete();
            using var write = zip.CreateEntry(name).Open();
            document.Save(write);
        }
        copy.Position = 0;
        return copy;
    }

    /// <summary>A ClosedXML workbook whose first worksheet holds <paramref name="rows"/> as text cells.</summary>
    public static MemoryStream TextWorkbook(string sheetName, params string[][] rows)
    {
        using var workbook = new ClosedXML.Excel.XLWorkbook();
        var sheet = workbook.AddWorksheet(sheetName);
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                sheet.Cell(r + 1, c + 1).SetValue(rows[r][c]);
                sheet.Cell(r + 1, c + 1).DataType = ClosedXML.Excel.XLDataType.Text;
            }
        }
        var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        return stream;
    }

    private static void WritePart(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content.Trim());
    }
}
