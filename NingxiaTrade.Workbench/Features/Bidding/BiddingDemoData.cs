using System.Text;
using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Bidding;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Workbench.Infrastructure;

namespace NingxiaTrade.Workbench.Features.Bidding;

/// <summary>
/// Development only: the demo tenderer signs and uploads the tender documents of its project in 招标公告 (the sewage plant
/// upgrade), and the demo bidder obtains them — so the project page shows a signed version and, to the clerk and the
/// supervisor, the confidential downloader list; one anonymous question with its published answer and one signed
/// clarification; then the demo bidder's deposits (<see cref="DepositDemoData"/>).
/// </summary>
public static class BiddingDemoData
{
    private const string ProjectName = "银川市第四污水处理厂提标改造工程";
    private const string DemoPin = "802416";

    public static async Task SeedAsync(IServiceProvider services, IConfiguration configuration)
    {
        var accounts = configuration.GetSection("DemoData:Accounts").Get<List<DemoAccountOptions>>() ?? [];
        string? EmailOf(string role) => accounts.FirstOrDefault(a => a.Role == role)?.Email;
        if (EmailOf(Roles.Tenderer) is not { } tendererEmail || EmailOf(Roles.Bidder) is not { } bidderEmail)
        {
            return;
        }
        bool documents, clarifications;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TradeDbContext>();
            documents = !await db.TenderDocuments.AnyAsync();
            clarifications = !await db.BidQuestions.AnyAsync() && !await db.Amendments.AnyAsync();
        }
        var clock = services.GetRequiredService<TimeProvider>();
        if (documents)
        {
            await SeedDocumentsAsync(services, tendererEmail, bidderEmail, clock);
        }
        if (clarifications)
        {
            await SeedClarificationsAsync(services, tendererEmail, bidderEmail, clock);
        }
        if (EmailOf(Roles.CentreClerk) is { } clerkEmail)
        {
            await DepositDemoData.SeedAsync(services, clerkEmail, bidderEmail);
        }
    }

    private static async Task SeedDocumentsAsync(IServiceProvider services, string tendererEmail, string bidderEmail, TimeProvider clock)
    {
        Guid documentId;
        await using (var tenderer = await DemoActor.CreateAsync(services, tendererEmail, clock))
        {
            var project = (await tenderer.Create<ProjectDirectory>().ProjectsAsync()).FirstOrDefault(p => p.Name == ProjectName);
            if (project?.DocumentsIssuedUtc is null)
            {
                return;
            }
            await using var content = new MemoryStream(DemoPdf());
            documentId = (await tenderer.Create<TenderDocumentService>().UploadAsync(project.Id, "第四污水处理厂提标改造工程招标文件.pdf", content, DemoPin)).Id;
        }
        await using var bidder = await DemoActor.CreateAsync(services, bidderEmail, clock);
        await using var file = (await bidder.Create<TenderDocumentService>().DownloadAsync(documentId, "127.0.0.1")).Content;
    }

    /// <summary>
    /// The demo bidder (which obtained the documents) asks one question, the tenderer answers it publicly, and publishes one
    /// signed clarification that does not affect bid preparation (so the demo deadline stays as the projects seeder set it).
    /// </summary>
    private static async Task SeedClarificationsAsync(IServiceProvider services, string tendererEmail, string bidderEmail, TimeProvider clock)
    {
        Guid projectId;
        QuestionInfo question;
        await using (var bidder = await DemoActor.CreateAsync(services, bidderEmail, clock))
        {
            var notice = (await bidder.Create<TenderDocumentService>().OpenNoticesAsync(ProjectName, 0, 5)).Items.FirstOrDefault(n => n.Project.Name == ProjectName);
            if (notice is null)
            {
                return;
            }
            projectId = notice.Project.Id;
            var clarifications = bidder.Create<ClarificationService>();
            if (!(await clarifications.ViewAsync(projectId)).CanAsk)
            {
                return;
            }
            question = await clarifications.AskAsync(projectId, "招标文件第三章工程量清单中“粗格栅及进水泵房”的土方开挖是否包含外运？运距按多少公里计？");
        }
        await using var tenderer = await DemoActor.CreateAsync(services, tendererEmail, clock);
        var service = tenderer.Create<ClarificationService>();
        await service.AnswerAsync(question.Id, "土方开挖包含外运，运距按15公里计，投标人自行踏勘后综合考虑报价。", publish: true);
        var revision = (await tenderer.Create<ProjectRegistration>().GetAsync(projectId)).Project.Revision;
        await service.PublishAsync(projectId, revision, new AmendmentForm("关于开标方式的澄清",
            "本项目采用不见面开标，投标人无需到开标现场，请在投标截止时间前登录平台，在开标大厅使用本单位的解密密码解密投标文件。", null, false, null),
            null, null, DemoPin);
    }

    /// <summary>A small valid one-page PDF.</summary>
    internal static byte[] DemoPdf()
    {
        const string text = "Tender documents (demo) - Yinchuan No.4 sewage plant upgrade";
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {44 + text.Length} >>\nstream\nBT /F1 14 Tf 60 780 Td ({text}) Tj ET\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(i + 1).Append(" 0 obj\n").Append(objects[i]).Append("\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append("xref\n0 ").Append(objects.Length + 1).Append("\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(offset.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }
        pdf.Append("trailer\n<< /Size ").Append(objects.Length + 1).Append(" /Root 1 0 R >>\nstartxref\n").Append(xref).Append("\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
