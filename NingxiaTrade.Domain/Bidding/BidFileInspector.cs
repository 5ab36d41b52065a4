using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Domain.Bidding;

/// <summary>Who made a bid file, as its own properties say (docx/xlsx core and app properties, PDF document information).</summary>
public sealed record BidFileMetadata(string? Author, string? Company, string? LastModifiedBy);

/// <summary>
/// Watches a bid file go by, one chunk at a time, before it is encrypted: checks that its content is of the type its
/// name claims (by the first bytes, not the name), that it stays within the size limit, and reads the author, company and
/// last-modified-by the file carries (for the collusion analysis of 《招标投标法实施条例》第四十条). Nothing is kept but
/// those few properties.
/// </summary>
public sealed partial class BidFileInspector
{
    /// <summary>Accepted types and the bytes each starts with (docx, xlsx, OFD and zip are zip packages).</summary>
    public static readonly IReadOnlyDictionary<string, byte[]> Types = new Dictionary<string, byte[]>(StringComparer.Ordinal)
    {
        [".pdf"] = "%PDF"u8.ToArray(),
        [".docx"] = [0x50, 0x4B, 0x03, 0x04],
        [".xlsx"] = [0x50, 0x4B, 0x03, 0x04],
        [".ofd"] = [0x50, 0x4B, 0x03, 0x04],
        [".zip"] = [0x50, 0x4B, 0x03, 0x04],
    };

    private const int MaxPart = 256 * 1024;
    private const string CorePart = "core-properties";
    private readonly string _extension;
    private readonly long _maxBytes;
    private long _seen;
    private readonly ZipScanner? _zip;
    private readonly PdfScanner? _pdf;

    public BidFileInspector(string fileName, long maxBytes)
    {
        _extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (!Types.ContainsKey(_extension))
        {
            throw new DomainException($"投标文件只能是 {string.Join("、", Types.Keys)} 文件。");
        }
        _maxBytes = maxBytes;
        _zip = _extension is ".docx" or ".xlsx" ? new ZipScanner() : null;
        _pdf = _extension == ".pdf" ? new PdfScanner() : null;
    }

    public static string Accept => string.Join(",", Types.Keys);

    /// <summary>Checks and reads the next chunk; throws a <see cref="DomainException"/> to refuse the file.</summary>
    public void Inspect(ReadOnlyMemory<byte> chunk)
    {
        var span = chunk.Span;
        if (_seen == 0)
        {
            var signature = Types[_extension];
            if (span.Length < signature.Length || !span[..signature.Length].SequenceEqual(signature))
            {
                throw new DomainException($"文件内容不是有效的 {_extension} 文件（按文件内容而非扩展名判断）。");
            }
        }
        _seen += span.Length;
        if (_seen > _maxBytes)
        {
            throw new DomainException(DocumentIntake.TooLarge("投标文件", _maxBytes));
        }
        _zip?.Feed(span);
        _pdf?.Feed(span);
    }

    /// <summary>The properties found (all null when the file carries none or its type has none).</summary>
    public BidFileMetadata Metadata()
    {
        if (_seen == 0)
        {
            throw new DomainException("投标文件为空。");
        }
        if (_zip is not null)
        {
            var core = _zip.Part(CorePart);
            var app = _zip.Part("docProps/app.xml");
            return new BidFileMetadata(Element(core, "creator"), Element(app, "Company"), Element(core, "lastModifiedBy"));
        }
        return _pdf is null ? new BidFileMetadata(null, null, null) : _pdf.Metadata();
    }

    private static string? Element(byte[]? xml, string localName)
    {
        if (xml is null)
        {
            return null;
        }
        try
        {
            var value = XDocument.Load(new MemoryStream(xml)).Descendants().FirstOrDefault(e => e.Name.LocalName == localName)?.Value;
            return Clip(value);
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }

    private static string? Clip(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim()[..Math.Min(value.Trim().Length, 200)];

    /// <summary>
    /// Reads the local headers of a zip package as it streams by and keeps the (small) entries asked for. Entries whose
    /// sizes are only in a trailing data descriptor are skipped: their properties stay unknown.
    /// </summary>
    private sealed class ZipScanner
    {
        private readonly List<byte> _header = [];
        private readonly Dictionary<string, byte[]> _parts = new(StringComparer.Ordinal);
        private long _skip;
        private MemoryStream? _capture;
        private string? _captureName;
        private int _method;
        private bool _done;

        public byte[]? Part(string name) => _parts.GetValueOrDefault(name);

        public void Feed(ReadOnlySpan<byte> data)
        {
            while (!data.IsEmpty && !_done)
            {
                if (_skip > 0)
                {
                    var n = (int)Math.Min(_skip, data.Length);
                    _capture?.Write(data[..n]);
                    _skip -= n;
                    data = data[n..];
                    if (_skip == 0 && _capture is not null)
                    {
                        Keep();
                    }
                    continue;
                }
                // Collect a local file header: 30 fixed bytes, then the name and the extra field.
                _header.Add(data[0]);
                data = data[1..];
                if (_header.Count == 4 && !(_header[0] == 0x50 && _header[1] == 0x4B && _header[2] == 0x03 && _header[3] == 0x04))
                {
                    _done = true; // the central directory (or something else) starts: no more entries
                    return;
                }
                if (_header.Count < 30)
                {
                    continue;
                }
                var h = _header.ToArray();
                var nameLength = BitConverter.ToUInt16(h, 26);
                var extraLength = BitConverter.ToUInt16(h, 28);
                if (_header.Count < 30 + nameLength + extraLength)
                {
                    continue;
                }
                var flags = BitConverter.ToUInt16(h, 6);
                _method = BitConverter.ToUInt16(h, 8);
                var compressed = BitConverter.ToUInt32(h, 18);
                var name = Encoding.UTF8.GetString(h, 30, nameLength);
                _header.Clear();
                if ((flags & 0x08) != 0)
                {
                    _done = true; // sizes follow the data: the stream cannot be walked further
                    return;
                }
                _skip = compressed;
                // Office writes the core properties to docProps/core.xml, System.IO.Packaging to package/services/…/*.psmdcp.
                var part = name is "docProps/core.xml" || name.EndsWith(".psmdcp", StringComparison.Ordinal) ? CorePart : name;
                var wanted = part is CorePart or "docProps/app.xml" && compressed <= MaxPart && _method is 0 or 8;
                _capture = wanted ? new MemoryStream() : null;
                _captureName = wanted ? part : null;
                if (_skip == 0 && _capture is not null)
                {
                    Keep();
                }
            }
        }

        private void Keep()
        {
            var raw = _capture!.ToArray();
            _capture = null;
            try
            {
                if (_method == 0)
                {
                    _parts[_captureName!] = raw;
                    return;
                }
                using var inflate = new DeflateStream(new MemoryStream(raw), CompressionMode.Decompress);
                using var output = new MemoryStream();
                var buffer = new byte[8192];
                int n;
                while ((n = inflate.Read(buffer)) > 0 && output.Length < MaxPart * 4)
                {
                    output.Write(buffer, 0, n);
                }
                _parts[_captureName!] = output.ToArray();
            }
            catch (InvalidDataException)
            {
                // a broken part: its properties stay unknown
            }
        }
    }

    /// <summary>
    /// Finds <c>/Author</c>, <c>/Company</c> and <c>/LastModifiedBy</c> entries of a PDF's document information as it
    /// streams by (literal or hex strings, PDFDocEncoding or UTF-16BE), across chunk boundaries.
    /// </summary>
    private sealed partial class PdfScanner
    {
        private const int Overlap = 1024;
        private string _tail = "";
        private readonly Dictionary<string, string> _found = new(StringComparer.Ordinal);

        public void Feed(ReadOnlySpan<byte> data)
        {
            if (_found.Count == 3)
            {
                return;
            }
            var text = _tail + Encoding.Latin1.GetString(data);
            foreach (Match m in Entry().Matches(text))
            {
                var key = m.Groups["key"].Value;
                if (!_found.ContainsKey(key) && Decode(m) is { } value)
                {
                    _found[key] = value;
                }
            }
            _tail = text.Length > Overlap ? text[^Overlap..] : text;
        }

        public BidFileMetadata Metadata() =>
            new(_found.GetValueOrDefault("Author"), _found.GetValueOrDefault("Company"), _found.GetValueOrDefault("LastModifiedBy"));

        private static string? Decode(Match m)
        {
            byte[] bytes;
            if (m.Groups["hex"].Success)
            {
                var hex = Regex.Replace(m.Groups["hex"].Value, @"\s", "");
                if (hex.Length % 2 == 1)
                {
                    hex += "0";
                }
                bytes = Convert.FromHexString(hex);
            }
            else
            {
                bytes = Unescape(m.Groups["lit"].Value);
            }
            // UTF-16BE with its mark, as the PDF standard has it; some tools write UTF-8, the rest is PDFDocEncoding (≈ Latin-1).
            var value = bytes is [0xFE, 0xFF, ..] ? Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2)
                : TryUtf8(bytes) ?? Encoding.Latin1.GetString(bytes);
            return Clip(value);
        }

        private static string? TryUtf8(byte[] bytes)
        {
            try
            {
                return StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                return null;
            }
        }

        private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

        private static byte[] Unescape(string literal)
        {
            var bytes = new List<byte>(literal.Length);
            for (var i = 0; i < literal.Length; i++)
            {
                var c = literal[i];
                if (c != '\\' || i + 1 >= literal.Length)
                {
                    bytes.Add((byte)c);
                    continue;
                }
                var e = literal[++i];
                if (e is >= '0' and <= '7')
                {
                    var end = i;
                    while (end < literal.Length && end < i + 3 && literal[end] is >= '0' and <= '7')
                    {
                        end++;
                    }
                    bytes.Add((byte)Convert.ToInt32(literal[i..end], 8));
                    i = end - 1;
                    continue;
                }
                bytes.Add(e switch { 'n' => (byte)'\n', 'r' => (byte)'\r', 't' => (byte)'\t', 'b' => 8, 'f' => 12, _ => (byte)e });
            }
            return [.. bytes];
        }

        [GeneratedRegex(@"/(?<key>Author|Company|LastModifiedBy)\s*(?:\((?<lit>(?:\\.|[^\\)]){0,400})\)|<(?<hex>[0-9A-Fa-f\s]{0,1600})>)", RegexOptions.CultureInvariant)]
        private static partial Regex Entry();
    }
}
