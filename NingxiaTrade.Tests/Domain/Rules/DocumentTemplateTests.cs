using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Rules;

namespace NingxiaTrade.Tests.Domain.Rules;

public sealed class DocumentTemplateTests : RuleTestBase
{
    /// <summary>A .docx whose paragraphs consist of the given runs (each inner array one paragraph), and a header.</summary>
    internal static byte[] Docx(string? header, params string[][] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(paragraphs.Select(runs =>
                new Paragraph(runs.Select(text => new Run(new RunProperties(new Bold()), new Text(text) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }))))));
            if (header is not null)
            {
                var part = main.AddNewPart<HeaderPart>();
                part.Header = new Header(new Paragraph(new Run(new Text(header))));
            }
        }
        return stream.ToArray();
    }

    internal static IReadOnlyList<string> ParagraphTexts(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        var main = document.MainDocumentPart!;
        return main.HeaderParts.SelectMany(h => h.Header.Descendants<Paragraph>())
            .Concat(main.Document.Body!.Descendants<Paragraph>())
            .Select(p => string.Concat(p.Descendants<Text>().Select(t => t.Text)))
            .ToList();
    }

    private static readonly Dictionary<string, string> Values = new()
    {
        ["项目名称"] = "银川市某小学教学楼新建工程",
        ["投标截止时间"] = "2026年12月30日 09:30",
    };

    [Fact]
    public void Fill_PlaceholderSplitAcrossRuns_Replaced()
    {
        // As Word saves it after editing: "{{", "项目", "名称}}" in three runs.
        var docx = Docx(null, ["本项目（", "{{", "项目", "名称}}", "）已具备招标条件。"]);

        var (content, filled, unknown) = DocxPlaceholders.Fill(docx, Values);

        Assert.Equal(["本项目（银川市某小学教学楼新建工程）已具备招标条件。"], ParagraphTexts(content));
        Assert.Equal(["项目名称"], filled);
        Assert.Empty(unknown);
    }

    [Fact]
    public void Fill_KnownAndUnknownPlaceholders_UnknownListedAndMarked()
    {
        var docx = Docx("{{项目名称}}招标文件",
            ["投标截止时间：{{投标截止时间}}，开标地点：{{开标地点}}。"],
            ["{{项目名称}}", "的招标人为{{招", "标人}}。"]);

        var (content, filled, unknown) = DocxPlaceholders.Fill(docx, Values);

        Assert.Equal(
            [
                "银川市某小学教学楼新建工程招标文件",
                "投标截止时间：2026年12月30日 09:30，开标地点：【待补充：开标地点】。",
                "银川市某小学教学楼新建工程的招标人为【待补充：招标人】。",
            ],
            ParagraphTexts(content));
        Assert.Equal(["开标地点", "招标人"], unknown.Order());
        Assert.Equal(["投标截止时间", "项目名称"], filled.Order());
    }

    [Fact]
    public void Find_ListsPlaceholdersAcrossRunsOnce()
    {
        var docx = Docx("{{项目名称}}", ["{{", "项目名称}} 与 {{投标截止", "时间}}"], ["{{项目名称}}"]);
        Assert.Equal(["项目名称", "投标截止时间"], DocxPlaceholders.Find(docx));
    }

    [Fact]
    public async Task Upload_SameNameAgain_NextVersion_AndChecksTypeAndContent()
    {
        As(Legal);
        var templates = new DocumentTemplates(Database, Database.User, Database.Time, new FixedData());
        var docx = Docx(null, ["{{项目名称}}招标公告"]);

        var first = await templates.UploadAsync(TradeType.EngineeringBidding, "招标公告", "招标公告.docx", docx.Length, new MemoryStream(docx));
        var second = await templates.UploadAsync(TradeType.EngineeringBidding, "招标公告", "招标公告v2.docx", docx.Length, new MemoryStream(docx));

        Assert.Equal((1, 2), (first.Version, second.Version));
        var list = await templates.ListAsync();
        Assert.Equal([(2, true), (1, false)], list.Select(t => (t.Version, t.IsLatest)));
        await Assert.ThrowsAsync<DomainException>(() => templates.UploadAsync(TradeType.EngineeringBidding, "公告", "公告.doc", 10, new MemoryStream(docx)));
        await Assert.ThrowsAsync<DomainException>(() => templates.UploadAsync(TradeType.EngineeringBidding, "公告", "公告.docx", 10, new MemoryStream("not a docx"u8.ToArray())));
        var none = Docx(null, ["没有占位符"]);
        await Assert.ThrowsAsync<DomainException>(() => templates.UploadAsync(TradeType.EngineeringBidding, "公告", "公告.docx", none.Length, new MemoryStream(none)));
        await Assert.ThrowsAsync<DomainException>(() => templates.UploadAsync(TradeType.EngineeringBidding, "公告", "公告.docx", DocumentTemplates.MaxBytes + 1, new MemoryStream(docx)));

        Database.User.As(Roles.CentreClerk);
        await Assert.ThrowsAsync<AccessDeniedException>(() => templates.UploadAsync(TradeType.EngineeringBidding, "公告", "公告.docx", docx.Length, new MemoryStream(docx)));
        var filled = await templates.FillAsync(second.Id, Guid.NewGuid());
        Assert.Equal(["测试项目招标公告"], ParagraphTexts(filled.Content));
        Assert.Empty(filled.Unknown);
    }

    private sealed class FixedData : ITemplateDataSource
    {
        public IReadOnlyList<string> KnownPlaceholders { get; } = ["项目名称"];

        public Task<IReadOnlyDictionary<string, string>?> ValuesAsync(Guid projectId, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyDictionary<string, string>?>(new Dictionary<string, string> { ["项目名称"] = "测试项目" });
    }
}
