using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.Projects;

namespace NingxiaTrade.Domain.Rules;

/// <summary>
/// A standard document template (标准文本, 四(一)3): a .docx per transaction type with placeholders such as
/// {{项目名称}}. Versioned: uploading the same name for the same type again makes the next version; the latest is used.
/// </summary>
public class DocumentTemplate
{
    private DocumentTemplate() { }

    internal DocumentTemplate(TradeType tradeType, string name, int version, string fileName, byte[] content, IEnumerable<string> placeholders, string uploadedBy, DateTime nowUtc)
    {
        name = name?.Trim() ?? "";
        if (name.Length is < 2 or > 100)
        {
            throw new DomainException("标准文本名称应为2至100个字符。");
        }
        Id = Guid.NewGuid();
        TradeType = tradeType;
        Name = name;
        Version = version;
        FileName = fileName;
        Content = content;
        Placeholders = string.Join(",", placeholders);
        UploadedBy = uploadedBy;
        UploadedUtc = nowUtc;
    }

    public Guid Id { get; private set; }
    public TradeType TradeType { get; private set; }
    public string Name { get; private set; } = "";
    public int Version { get; private set; }
    public string FileName { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    /// <summary>The placeholders found at upload, comma-separated.</summary>
    public string Placeholders { get; private set; } = "";
    public string UploadedBy { get; private set; } = "";
    public DateTime UploadedUtc { get; private set; }

    public IReadOnlyList<string> PlaceholderList => Placeholders.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// Supplies the values of a document's placeholders for one project. The projects module can provide a richer one;
/// <see cref="ProjectTemplateDataSource"/> reads the registration data.
/// </summary>
public interface ITemplateDataSource
{
    /// <summary>The placeholder names this source can fill, for the upload screen's hint.</summary>
    IReadOnlyList<string> KnownPlaceholders { get; }

    /// <summary>Values by placeholder name (without braces); null when there is no such project.</summary>
    Task<IReadOnlyDictionary<string, string>?> ValuesAsync(Guid projectId, CancellationToken cancellationToken = default);
}

/// <summary>
/// A project's registration data as placeholder values, read through the projects module's scope: a project the caller
/// may not see is unknown here too (the legal office sees no project's data).
/// </summary>
public sealed class ProjectTemplateDataSource(IProjectDirectory projects) : ITemplateDataSource
{
    public IReadOnlyList<string> KnownPlaceholders { get; } =
        ["项目名称", "项目编号", "交易类型", "交易方式", "招标人", "招标代理机构", "估算价", "行政区划", "资金来源", "项目审批文号", "标段数量", "标段名称", "投标截止时间"];

    public async Task<IReadOnlyDictionary<string, string>?> ValuesAsync(Guid projectId, CancellationToken cancellationToken = default)
    {
        var project = await projects.FindAsync(projectId, cancellationToken);
        if (project is null)
        {
            return null;
        }
        var values = new Dictionary<string, string>
        {
            ["项目名称"] = project.Name,
            ["项目编号"] = project.Code,
            ["交易类型"] = project.TradeType.Chinese(),
            ["交易方式"] = project.TradeMethod.Chinese(),
            ["招标人"] = project.TendererName,
            ["估算价"] = project.Estimate.ToString(),
            ["行政区划"] = Regions.NameOf(project.RegionCode),
            ["标段数量"] = project.Lots.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["标段名称"] = string.Join("；", project.Lots.Select(l => l.Name)),
        };
        // A value the project does not have stays unknown, so the clerk is told instead of getting an empty blank.
        if (project.AgentName is { Length: > 0 } agent)
        {
            values["招标代理机构"] = agent;
        }
        if (project.FundSource is { Length: > 0 } fund)
        {
            values["资金来源"] = fund;
        }
        if (project.ApprovalDocumentNumber is { Length: > 0 } approval)
        {
            values["项目审批文号"] = approval;
        }
        if (project.BidDeadlineUtc is { } deadline)
        {
            values["投标截止时间"] = ChinaTime.ToChina(deadline).ToString("yyyy年M月d日 HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        }
        return values;
    }
}

/// <summary>A filled document and the placeholders no value was found for (left in the document as 【待补充：名称】).</summary>
public sealed record FilledDocument(string FileName, byte[] Content, IReadOnlyList<string> Filled, IReadOnlyList<string> Unknown);

/// <summary>Finds and replaces {{名称}} placeholders in a .docx, including those Word split across several runs.</summary>
public static partial class DocxPlaceholders
{
    [GeneratedRegex(@"\{\{\s*([^{}\s]{1,40})\s*\}\}")]
    private static partial Regex Pattern();

    /// <summary>The distinct placeholder names of a document, in order of appearance.</summary>
    /// <exception cref="DomainException">Not a readable .docx.</exception>
    public static IReadOnlyList<string> Find(byte[] docx)
    {
        using var stream = new MemoryStream(docx, writable: false);
        using var document = OpenRead(stream);
        return Paragraphs(document.MainDocumentPart!)
            .SelectMany(p => Pattern().Matches(string.Concat(p.Descendants<Text>().Select(t => t.Text))).Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();
    }

    /// <summary>
    /// Replaces each placeholder with its value; one without a value becomes 【待补充：名称】 and is listed in
    /// <see cref="FilledDocument.Unknown"/> — never silently left blank.
    /// </summary>
    public static (byte[] Content, IReadOnlyList<string> Filled, IReadOnlyList<string> Unknown) Fill(byte[] docx, IReadOnlyDictionary<string, string> values)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        stream.Position = 0;
        var filled = new List<string>();
        var unknown = new List<string>();
        using (var document = OpenEdit(stream))
        {
            foreach (var paragraph in Paragraphs(document.MainDocumentPart!))
            {
                ReplaceIn(paragraph, values, filled, unknown);
            }
            document.Save();
        }
        return (stream.ToArray(), filled.Distinct().ToList(), unknown.Distinct().ToList());
    }

    /// <summary>
    /// Word splits "{{项目名称}}" over runs as it pleases ("{{", "项目", "名称}}"). The paragraph's texts are joined,
    /// matched as one string, and each match is written into the text element where it starts; the characters it
    /// took from the following elements are removed from them, so formatting of the first run is kept.
    /// </summary>
    private static void ReplaceIn(Paragraph paragraph, IReadOnlyDictionary<string, string> values, List<string> filled, List<string> unknown)
    {
        var texts = paragraph.Descendants<Text>().ToList();
        if (texts.Count == 0)
        {
            return;
        }
        var joined = new StringBuilder();
        var starts = new List<int>();
        foreach (var text in texts)
        {
            starts.Add(joined.Length);
            joined.Append(text.Text);
        }
        var matches = Pattern().Matches(joined.ToString());
        // From the last match backwards, so earlier offsets stay valid.
        foreach (var match in matches.Reverse())
        {
            var name = match.Groups[1].Value;
            string replacement;
            if (values.TryGetValue(name, out var value))
            {
                replacement = value;
                filled.Add(name);
            }
            else
            {
                replacement = $"【待补充：{name}】";
                unknown.Add(name);
            }
            var first = starts.FindLastIndex(s => s <= match.Index);
            var end = match.Index + match.Length;
            for (var i = texts.Count - 1; i >= first; i--)
            {
                var start = starts[i];
                var content = texts[i].Text;
                var from = Math.Max(match.Index, start) - start;
                var to = Math.Min(end, start + content.Length) - start;
                if (to <= from && i != first)
                {
                    continue;
                }
                var keep = content[..from] + (i == first ? replacement : "") + content[Math.Max(to, from)..];
                texts[i].Text = keep;
                texts[i].Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve;
            }
            // Offsets after the first element change; recompute for earlier matches (they lie before, so only lengths matter).
            joined.Clear();
            starts.Clear();
            foreach (var text in texts)
            {
                starts.Add(joined.Length);
                joined.Append(text.Text);
            }
        }
    }

    private static IEnumerable<Paragraph> Paragraphs(MainDocumentPart main)
    {
        var roots = new List<DocumentFormat.OpenXml.OpenXmlElement?> { main.Document };
        roots.AddRange(main.HeaderParts.Select(h => (DocumentFormat.OpenXml.OpenXmlElement?)h.Header));
        roots.AddRange(main.FooterParts.Select(f => (DocumentFormat.OpenXml.OpenXmlElement?)f.Footer));
        return roots.OfType<DocumentFormat.OpenXml.OpenXmlElement>().SelectMany(r => r.Descendants<Paragraph>()).ToList();
    }

    private static WordprocessingDocument OpenRead(Stream stream)
    {
        try
        {
            var document = WordprocessingDocument.Open(stream, false);
            if (document.MainDocumentPart?.Document is null)
            {
                document.Dispose();
                throw new InvalidDataException("no main part");
            }
            return document;
        }
        catch (Exception e) when (e is not DomainException and not OperationCanceledException)
        {
            throw new DomainException("文件已损坏或不是有效的 Word（.docx）文件。请用 Word 或 WPS 另存为 .docx 后重试。");
        }
    }

    private static WordprocessingDocument OpenEdit(Stream stream)
    {
        try
        {
            return WordprocessingDocument.Open(stream, true);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new DomainException("标准文本文件已损坏，无法填充。请法制审核人员重新上传。");
        }
    }
}

/// <summary>A template version for lists (without the file).</summary>
public sealed record TemplateSummary(Guid Id, TradeType TradeType, string Name, int Version, string FileName, int Size, IReadOnlyList<string> Placeholders, string UploadedBy, DateTime UploadedUtc, bool IsLatest);

/// <summary>A preview of filling: which placeholders a project fills and which it cannot.</summary>
public sealed record FillPreview(IReadOnlyList<string> Filled, IReadOnlyList<string> Unknown);

/// <summary>
/// Standard templates: the legal office uploads .docx versions per transaction type; a centre clerk fills the
/// latest one from a project's data and downloads it.
/// </summary>
public sealed class DocumentTemplates(IDbContextFactory<TradeDbContext> contexts, ICurrentUser currentUser, TimeProvider time, ITemplateDataSource data)
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>Who may read and fill templates.</summary>
    public static readonly string[] Users = [Roles.LegalOfficer, Roles.CentreClerk, Roles.Admin];

    public IReadOnlyList<string> KnownPlaceholders => data.KnownPlaceholders;

    /// <summary>The legal office uploads a template; the same type and name again makes the next version.</summary>
    /// <exception cref="DomainException">Not a .docx, over 5 MB, unreadable, or without any placeholder.</exception>
    public async Task<TemplateSummary> UploadAsync(TradeType tradeType, string name, string fileName, long? length, Stream content, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.LegalOfficer);
        if (!Enum.IsDefined(tradeType))
        {
            throw new DomainException("请选择交易类型。");
        }
        if (!string.Equals(Path.GetExtension(fileName), ".docx", StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException($"标准文本只能是 Word 文件（.docx）：“{fileName}”不是 .docx 文件。.doc 文件请先另存为 .docx。");
        }
        using var buffer = await Uploads.ReadLimitedAsync(content, length, MaxBytes, cancellationToken);
        var bytes = buffer.ToArray();
        var placeholders = DocxPlaceholders.Find(bytes);
        if (placeholders.Count == 0)
        {
            throw new DomainException("文件中没有任何占位符（如 {{项目名称}}），请检查后重新上传。");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var trimmed = name?.Trim() ?? "";
        var version = await db.DocumentTemplates.Where(t => t.TradeType == tradeType && t.Name == trimmed).MaxAsync(t => (int?)t.Version, cancellationToken) ?? 0;
        var template = new DocumentTemplate(tradeType, trimmed, version + 1, Path.GetFileName(fileName), bytes, placeholders, currentUser.ActorName(), time.GetUtcNow().UtcDateTime);
        db.DocumentTemplates.Add(template);
        await db.SaveChangesAsync(cancellationToken);
        return ToSummary(template, true);
    }

    /// <summary>Every template version, latest first within each type and name.</summary>
    public async Task<IReadOnlyList<TemplateSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Users);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.DocumentTemplates.AsNoTracking()
            .Select(t => new { t.Id, t.TradeType, t.Name, t.Version, t.FileName, Size = t.Content.Length, t.Placeholders, t.UploadedBy, t.UploadedUtc })
            .ToListAsync(cancellationToken);
        var latest = rows.GroupBy(r => (r.TradeType, r.Name)).ToDictionary(g => g.Key, g => g.Max(r => r.Version));
        return rows.OrderBy(r => r.TradeType).ThenBy(r => r.Name).ThenByDescending(r => r.Version)
            .Select(r => new TemplateSummary(r.Id, r.TradeType, r.Name, r.Version, r.FileName, r.Size,
                r.Placeholders.Split(',', StringSplitOptions.RemoveEmptyEntries), r.UploadedBy, r.UploadedUtc, latest[(r.TradeType, r.Name)] == r.Version))
            .ToList();
    }

    /// <summary>The template file as uploaded.</summary>
    public async Task<DocumentTemplate> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Users);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.DocumentTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken)
            ?? throw new DomainException("找不到该标准文本。");
    }

    /// <summary>Which placeholders of the template the project fills, and which it cannot.</summary>
    public async Task<FillPreview> PreviewAsync(Guid templateId, Guid projectId, CancellationToken cancellationToken = default)
    {
        var (template, values) = await LoadForFillAsync(templateId, projectId, cancellationToken);
        var names = template.PlaceholderList;
        return new FillPreview(names.Where(values.ContainsKey).ToList(), names.Where(n => !values.ContainsKey(n)).ToList());
    }

    /// <summary>The template filled with the project's data; placeholders without a value are listed and marked in the document.</summary>
    public async Task<FilledDocument> FillAsync(Guid templateId, Guid projectId, CancellationToken cancellationToken = default)
    {
        var (template, values) = await LoadForFillAsync(templateId, projectId, cancellationToken);
        var (content, filled, unknown) = DocxPlaceholders.Fill(template.Content, values);
        var project = values.TryGetValue("项目编号", out var code) ? code : projectId.ToString("N")[..8];
        return new FilledDocument($"{template.Name}_{project}.docx", content, filled, unknown);
    }

    private async Task<(DocumentTemplate Template, IReadOnlyDictionary<string, string> Values)> LoadForFillAsync(Guid templateId, Guid projectId, CancellationToken cancellationToken)
    {
        currentUser.Demand(Roles.CentreClerk, Roles.LegalOfficer);
        var template = await GetAsync(templateId, cancellationToken);
        var values = await data.ValuesAsync(projectId, cancellationToken) ?? throw new NotFoundException("找不到该项目。");
        return (template, values);
    }

    private static TemplateSummary ToSummary(DocumentTemplate t, bool latest) =>
        new(t.Id, t.TradeType, t.Name, t.Version, t.FileName, t.Content.Length, t.PlaceholderList, t.UploadedBy, t.UploadedUtc, latest);
}
