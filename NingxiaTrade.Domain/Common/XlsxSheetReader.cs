using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace NingxiaTrade.Domain.Common;

/// <summary>What an imported cell holds, as Excel last saved it.</summary>
public enum ExcelCellKind
{
    Empty,
    Text,
    Number,
    Date,
    Boolean,

    /// <summary>A formula whose saved result is an error value (#DIV/0!, #REF!, #VALUE! …).</summary>
    Error,

    /// <summary>A formula saved without a result; formulas are never evaluated here.</summary>
    FormulaWithoutValue,
}

/// <summary>
/// One cell of an imported row: its saved value only (a formula's cached result, never a re-evaluation).
/// <see cref="Text"/> is what the reader shows the user: the text, the number, the date as yyyy-MM-dd, or the error value.
/// </summary>
public readonly record struct ExcelCell(string Reference, ExcelCellKind Kind, string Text, double Number = 0)
{
    public bool IsEmpty => Kind == ExcelCellKind.Empty || (Kind == ExcelCellKind.Text && Text.Length == 0);

    /// <summary>The date of a cell Excel keeps as a date (a number with a date format).</summary>
    public DateOnly? Date => Kind == ExcelCellKind.Date ? DateOnly.FromDateTime(DateTime.FromOADate(Number)) : null;

    /// <summary>The displayed text without surrounding blanks.</summary>
    public string Trimmed => Text.Trim();
}

/// <summary>One worksheet row, cut to the columns the import reads.</summary>
public sealed class ExcelRow(int number, ExcelCell[] cells)
{
    /// <summary>The Excel row number (1-based).</summary>
    public int Number { get; } = number;

    public int Count => cells.Length;

    public ExcelCell this[int column] => cells[column];

    public IEnumerable<ExcelCell> Cells => cells;

    public bool IsEmpty => cells.All(c => c.IsEmpty);
}

/// <summary>
/// Reads the first worksheet of an .xlsx as a stream of rows, with bounded memory: the package's central directory is
/// checked first (total uncompressed size, each worksheet's declared dimension) without inflating anything, then the
/// worksheet XML is read forward only, counting the bytes actually inflated, the rows and the cells, so a package that
/// lies about its sizes is stopped at the limit too. Formulas are never evaluated: a cell reports its saved result.
/// </summary>
public sealed class XlsxSheetReader : IDisposable
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const int DimensionProbeBytes = 256 * 1024;

    private readonly ZipArchive _zip;
    private readonly ImportSettings _limits;
    private readonly (string Name, string Part)[] _sheets;
    private long _inflated;

    private XlsxSheetReader(ZipArchive zip, ImportSettings limits, (string, string)[] sheets)
    {
        _zip = zip;
        _limits = limits;
        _sheets = sheets;
    }

    /// <summary>The first worksheet's name.</summary>
    public string SheetName => _sheets[0].Name;

    /// <summary>
    /// Opens the package and checks it against <paramref name="limits"/> before inflating any worksheet.
    /// </summary>
    /// <exception cref="DomainException">Not an .xlsx, no worksheet, or over a limit (a zip bomb is refused here).</exception>
    public static XlsxSheetReader Open(Stream buffer, ImportSettings limits)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            throw Corrupt();
        }
        try
        {
            // 1. What the central directory declares, before anything is inflated.
            var declared = zip.Entries.Sum(e => e.Length);
            if (declared > limits.MaxUncompressedBytes)
            {
                throw new DomainException(
                    $"文件解压后有 {Megabytes(declared)} MB，超过导入上限 {Megabytes(limits.MaxUncompressedBytes)} MB，已拒绝读取（可能是异常的“压缩炸弹”文件）。请只保留需要导入的数据后重试。");
            }
            var reader = new XlsxSheetReader(zip, limits, []);
            var sheets = reader.ReadSheetList();
            if (sheets.Length == 0)
            {
                throw Corrupt();
            }
            reader = new XlsxSheetReader(zip, limits, sheets);
            // 2. Each worksheet's declared dimension, read from the first bytes of its XML.
            foreach (var (name, part) in sheets)
            {
                reader.CheckDimension(name, part);
            }
            return reader;
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException)
        {
            zip.Dispose();
            throw Corrupt();
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The rows of the first worksheet that hold anything, each cut to <paramref name="columns"/> columns, in order.
    /// </summary>
    /// <exception cref="DomainException">The worksheet holds more rows or cells, or inflates to more bytes, than allowed.</exception>
    public IEnumerable<ExcelRow> Rows(int columns, CancellationToken cancellationToken)
    {
        var sharedStrings = ReadSharedStrings();
        var dateStyles = ReadDateStyles();
        var (name, part) = _sheets[0];
        var entry = _zip.GetEntry(part) ?? throw Corrupt();
        using var stream = Inflate(entry);
        using var xml = XmlReader.Create(stream, XmlSettings);
        long cells = 0;
        var rowElements = 0;
        var rowNumber = 0;
        ExcelCell[]? current = null;
        while (Read(xml))
        {
            if (xml.NodeType != XmlNodeType.Element || xml.NamespaceURI != MainNs)
            {
                continue;
            }
            if (xml.LocalName == "row")
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (current is not null && current.Any(c => !c.IsEmpty))
                {
                    yield return new ExcelRow(rowNumber, current);
                }
                if (++rowElements > _limits.MaxRows + 1)
                {
                    throw TooManyRows(name);
                }
                rowNumber = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : rowNumber + 1;
                current = EmptyRow(rowNumber, columns);
                if (xml.IsEmptyElement)
                {
                    continue;
                }
            }
            else if (xml.LocalName == "c" && current is not null)
            {
                if ((++cells & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
                if (cells > _limits.MaxCells)
                {
                    throw TooManyCells(name);
                }
                var reference = xml.GetAttribute("r");
                var column = reference is null ? NextColumn(current) : ColumnIndex(reference);
                var cell = ReadCell(xml, reference ?? CellReference(column, rowNumber), sharedStrings, dateStyles);
                if (column >= 0 && column < columns)
                {
                    current[column] = cell;
                }
            }
        }
        if (current is not null && current.Any(c => !c.IsEmpty))
        {
            yield return new ExcelRow(rowNumber, current);
        }
    }

    public void Dispose() => _zip.Dispose();

    /// <summary>The A1 name of a cell (column 0-based, row 1-based).</summary>
    public static string CellReference(int column, int row)
    {
        var letters = new StringBuilder();
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            letters.Insert(0, (char)('A' + (c - 1) % 26));
        }
        return letters.Append(row.ToString(CultureInfo.InvariantCulture)).ToString();
    }

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
    };

    private static bool Read(XmlReader xml)
    {
        try
        {
            return xml.Read();
        }
        catch (XmlException)
        {
            throw Corrupt();
        }
    }

    private static ExcelCell[] EmptyRow(int row, int columns)
    {
        var cells = new ExcelCell[columns];
        for (var c = 0; c < columns; c++)
        {
            cells[c] = new ExcelCell(CellReference(c, row), ExcelCellKind.Empty, "");
        }
        return cells;
    }

    private static int NextColumn(ExcelCell[] row)
    {
        var last = Array.FindLastIndex(row, c => c.Kind != ExcelCellKind.Empty);
        return last + 1;
    }

    private static ExcelCell ReadCell(XmlReader xml, string reference, IReadOnlyList<string> sharedStrings, HashSet<int> dateStyles)
    {
        var type = xml.GetAttribute("t") ?? "n";
        var style = int.TryParse(xml.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        string? value = null;
        string? inline = null;
        var hasFormula = false;
        if (!xml.IsEmptyElement)
        {
            var depth = xml.Depth;
            Read(xml);
            while (!(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth) && !xml.EOF)
            {
                if (xml.NodeType != XmlNodeType.Element)
                {
                    Read(xml);
                    continue;
                }
                switch (xml.LocalName)
                {
                    case "v":
                        value = xml.ReadElementContentAsString();
                        break;
                    case "f":
                        hasFormula = true;
                        xml.Skip();
                        break;
                    case "is":
                        inline = ReadRichText(xml);
                        Read(xml);
                        break;
                    default:
                        xml.Skip();
                        break;
                }
            }
        }
        if (string.IsNullOrEmpty(value) && type is not ("inlineStr" or "str"))
        {
            // Styled cells are often written with an empty value: nothing is in them.
            return new ExcelCell(reference, hasFormula ? ExcelCellKind.FormulaWithoutValue : ExcelCellKind.Empty, "");
        }
        switch (type)
        {
            case "s":
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sharedStrings.Count
                    ? new ExcelCell(reference, ExcelCellKind.Text, sharedStrings[index])
                    : throw Corrupt();
            case "inlineStr":
                return new ExcelCell(reference, ExcelCellKind.Text, inline ?? "");
            case "str":
                return value is null && hasFormula
                    ? new ExcelCell(reference, ExcelCellKind.FormulaWithoutValue, "")
                    : new ExcelCell(reference, ExcelCellKind.Text, value ?? "");
            case "e":
                return new ExcelCell(reference, ExcelCellKind.Error, value ?? "#N/A");
            case "b":
                return new ExcelCell(reference, ExcelCellKind.Boolean, value == "1" ? "TRUE" : "FALSE", value == "1" ? 1 : 0);
            case "d":
                return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var iso)
                    ? new ExcelCell(reference, ExcelCellKind.Date, iso.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), iso.ToOADate())
                    : new ExcelCell(reference, ExcelCellKind.Text, value ?? "");
        }
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return new ExcelCell(reference, ExcelCellKind.Text, value ?? "");
        }
        if (dateStyles.Contains(style) && number is >= 0 and < 2958466)
        {
            var date = DateTime.FromOADate(number);
            var format = date.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss";
            return new ExcelCell(reference, ExcelCellKind.Date, date.ToString(format, CultureInfo.InvariantCulture), number);
        }
        return new ExcelCell(reference, ExcelCellKind.Number, number.ToString(CultureInfo.InvariantCulture), number);
    }

    /// <summary>The text of an <c>si</c> or <c>is</c> element: its own <c>t</c> and its runs' <c>t</c>, without phonetic hints.</summary>
    private static string ReadRichText(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            return "";
        }
        var text = new StringBuilder();
        var depth = xml.Depth;
        Read(xml);
        while (!(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth) && !xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "t")
            {
                text.Append(xml.ReadElementContentAsString());
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "rPh")
            {
                xml.Skip();
            }
            else
            {
                Read(xml);
            }
        }
        return text.ToString();
    }

    private (string Name, string Part)[] ReadSheetList()
    {
        var targets = ReadRelationships("xl/_rels/workbook.xml.rels", "xl/");
        var workbookPart = OfficeDocumentPart();
        var entry = _zip.GetEntry(workbookPart) ?? throw Corrupt();
        using var stream = Inflate(entry);
        using var xml = XmlReader.Create(stream, XmlSettings);
        var sheets = new List<(string, string)>();
        while (Read(xml))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet" && xml.NamespaceURI == MainNs)
            {
                var id = xml.GetAttribute("id", RelNs);
                if (id is not null && targets.TryGetValue(id, out var target) && target.Type.EndsWith("/worksheet", StringComparison.Ordinal))
                {
                    sheets.Add((xml.GetAttribute("name") ?? "", target.Part));
                }
            }
        }
        return [.. sheets];
    }

    private string OfficeDocumentPart()
    {
        var root = ReadRelationships("_rels/.rels", "");
        return root.Values.FirstOrDefault(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal)).Part ?? "xl/workbook.xml";
    }

    private Dictionary<string, (string Type, string Part)> ReadRelationships(string part, string baseFolder)
    {
        var result = new Dictionary<string, (string, string)>();
        var entry = _zip.GetEntry(part);
        if (entry is null)
        {
            return result;
        }
        using var stream = Inflate(entry);
        using var xml = XmlReader.Create(stream, XmlSettings);
        while (Read(xml))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship" && xml.NamespaceURI == PackageRelNs
                && xml.GetAttribute("Id") is { } id && xml.GetAttribute("Target") is { } target && xml.GetAttribute("TargetMode") != "External")
            {
                var path = target.StartsWith('/') ? target[1..] : baseFolder + target;
                result[id] = (xml.GetAttribute("Type") ?? "", Normalise(path));
            }
        }
        return result;
    }

    private static string Normalise(string path)
    {
        var parts = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (segment is not ("." or ""))
            {
                parts.Add(segment);
            }
        }
        return string.Join('/', parts);
    }

    private void CheckDimension(string name, string part)
    {
        var entry = _zip.GetEntry(part) ?? throw Corrupt();
        // Only the first bytes are inflated: the dimension comes before the cells.
        using var stream = new BoundedStream(entry.Open(), DimensionProbeBytes, stopQuietly: true);
        using var xml = XmlReader.Create(stream, XmlSettings);
        try
        {
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element || xml.NamespaceURI != MainNs)
                {
                    continue;
                }
                if (xml.LocalName == "sheetData")
                {
                    return;
                }
                if (xml.LocalName == "dimension" && xml.GetAttribute("ref") is { } reference)
                {
                    CheckDeclared(name, reference);
                    return;
                }
            }
        }
        catch (XmlException) when (stream.Exhausted)
        {
            // No dimension in the first bytes: the limits are applied while streaming.
        }
    }

    private void CheckDeclared(string name, string reference)
    {
        var ends = reference.Split(':');
        var (firstColumn, firstRow) = ParseReference(ends[0]);
        var (lastColumn, lastRow) = ends.Length > 1 ? ParseReference(ends[1]) : (firstColumn, firstRow);
        if (firstRow < 1 || lastRow < firstRow || lastColumn < firstColumn)
        {
            return;
        }
        long rows = lastRow - firstRow + 1;
        long columns = lastColumn - firstColumn + 1;
        if (lastRow - 1 > _limits.MaxRows || rows * columns > _limits.MaxCells)
        {
            throw new DomainException(
                $"工作表“{name}”声明的范围为 {reference}（{rows:N0} 行 × {columns:N0} 列，共 {rows * columns:N0} 个单元格），超过导入上限（{_limits.MaxRows:N0} 行数据、{_limits.MaxCells:N0} 个单元格），已拒绝读取。请只保留需要导入的数据后重试。");
        }
    }

    private static (int Column, int Row) ParseReference(string reference)
    {
        var letters = 0;
        while (letters < reference.Length && char.IsAsciiLetter(reference[letters]))
        {
            letters++;
        }
        var column = ColumnIndex(reference[..letters]);
        var row = int.TryParse(reference.AsSpan(letters), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : 0;
        return (column, row);
    }

    /// <summary>The 0-based column of "B7" or "B"; -1 when there are no letters.</summary>
    private static int ColumnIndex(string reference)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]) && column <= 16384; i++)
        {
            column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        }
        return i == 0 ? -1 : column - 1;
    }

    private List<string> ReadSharedStrings()
    {
        var strings = new List<string>();
        var entry = _zip.GetEntry("xl/sharedStrings.xml");
        if (entry is null)
        {
            return strings;
        }
        using var stream = Inflate(entry);
        using var xml = XmlReader.Create(stream, XmlSettings);
        while (Read(xml))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si" && xml.NamespaceURI == MainNs)
            {
                if (strings.Count >= _limits.MaxCells)
                {
                    throw TooManyCells(SheetName);
                }
                strings.Add(ReadRichText(xml));
            }
        }
        return strings;
    }

    /// <summary>The cell styles (indexes into cellXfs) whose number format shows a date or time.</summary>
    private HashSet<int> ReadDateStyles()
    {
        var result = new HashSet<int>();
        var entry = _zip.GetEntry("xl/styles.xml");
        if (entry is null)
        {
            return result;
        }
        var customFormats = new Dictionary<int, bool>();
        using var stream = Inflate(entry);
        using var xml = XmlReader.Create(stream, XmlSettings);
        var inCellXfs = false;
        var xfIndex = 0;
        while (Read(xml))
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "cellXfs")
            {
                inCellXfs = false;
            }
            if (xml.NodeType != XmlNodeType.Element || xml.NamespaceURI != MainNs)
            {
                continue;
            }
            switch (xml.LocalName)
            {
                case "numFmt" when int.TryParse(xml.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var id):
                    customFormats[id] = IsDateFormat(xml.GetAttribute("formatCode") ?? "");
                    break;
                case "cellXfs":
                    inCellXfs = !xml.IsEmptyElement;
                    break;
                case "xf" when inCellXfs:
                    var formatId = int.TryParse(xml.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var f) ? f : 0;
                    if (customFormats.TryGetValue(formatId, out var isDate) ? isDate : IsBuiltInDateFormat(formatId))
                    {
                        result.Add(xfIndex);
                    }
                    xfIndex++;
                    break;
            }
        }
        return result;
    }

    // ECMA-376 18.8.30 built-in formats, with the East Asian date formats (27–36, 50–58).
    private static bool IsBuiltInDateFormat(int id) => id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58);

    private static bool IsDateFormat(string code)
    {
        try
        {
            return new ExcelNumberFormat.NumberFormat(code) is { IsValid: true, IsDateTimeFormat: true };
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>A part's inflated stream; every part read counts against the package's total limit.</summary>
    private Stream Inflate(ZipArchiveEntry entry) =>
        new BoundedStream(entry.Open(), long.MaxValue, stopQuietly: false, onRead: n =>
        {
            _inflated += n;
            if (_inflated > _limits.MaxUncompressedBytes)
            {
                throw new DomainException(
                    $"文件解压后超过导入上限 {Megabytes(_limits.MaxUncompressedBytes)} MB，已停止读取（可能是异常的“压缩炸弹”文件）。请只保留需要导入的数据后重试。");
            }
        });

    private DomainException TooManyRows(string name) =>
        new($"工作表“{name}”超过 {_limits.MaxRows:N0} 行数据，超过导入上限，已停止读取。请分批导入。");

    private DomainException TooManyCells(string name) =>
        new($"工作表“{name}”超过 {_limits.MaxCells:N0} 个单元格，超过导入上限，已停止读取。请只保留需要导入的数据后重试。");

    private static string Megabytes(long bytes) => (bytes / 1024d / 1024d).ToString("0.#", CultureInfo.InvariantCulture);

    internal static DomainException Corrupt() =>
        new("文件已损坏或不是有效的 Excel（.xlsx）文件，无法读取。请用 Excel 或 WPS 另存为 .xlsx 后重试。");

    /// <summary>A read-only stream that stops at a byte budget: quietly (end of data) or by the callback's exception.</summary>
    private sealed class BoundedStream(Stream inner, long budget, bool stopQuietly, Action<int>? onRead = null) : Stream
    {
        private long _read;

        public bool Exhausted { get; private set; }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (stopQuietly && _read >= budget)
            {
                Exhausted = true;
                return 0;
            }
            var max = (int)Math.Min(buffer.Length, budget - _read);
            var n = inner.Read(buffer[..max]);
            _read += n;
            onRead?.Invoke(n);
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
