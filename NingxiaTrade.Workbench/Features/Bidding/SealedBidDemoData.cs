using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Bidding;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Workbench.Infrastructure;

namespace NingxiaTrade.Workbench.Features.Bidding;

/// <summary>
/// Development only: a two-lot project of the demo tenderer whose bid deadline has just passed. Its documents were issued
/// three weeks ago and obtained by the three demo bidders; all three sealed bids for lot 1 and two of them for lot 2
/// (decryption password <see cref="DemoBidPassword"/>). Lot 1 has been opened — its opening room waits for the clerk to
/// start the decryption; lot 2, with only two bids, cannot open and waits for the clerk's 重新招标. Everything goes
/// through the real services on a seeding clock, so the history, signatures, receipts and audit are what they would be.
/// </summary>
public static class SealedBidDemoData
{
    /// <summary>The decryption password of the demo bids.</summary>
    public const string DemoBidPassword = "Demo2026bid";
    public const string ProjectName = "银川市滨河新区综合管廊建设工程";
    private const string DemoPin = "802416";

    public static async Task SeedAsync(IServiceProvider services, IConfiguration configuration)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TradeDbContext>();
            if (await db.SealedBids.AnyAsync() || await db.TradeProjects.AnyAsync(p => p.Name == ProjectName))
            {
                return;
            }
        }
        var accounts = configuration.GetSection("DemoData:Accounts").Get<List<DemoAccountOptions>>() ?? [];
        string? EmailOf(string role) => accounts.FirstOrDefault(a => a.Role == role)?.Email;
        var bidders = accounts.Where(a => a.Role == Roles.Bidder).Select(a => a.Email).Take(3).ToList();
        if (EmailOf(Roles.Tenderer) is not { } tendererEmail || EmailOf(Roles.CentreClerk) is not { } clerkEmail
            || EmailOf(Roles.Supervisor) is not { } supervisorEmail || bidders.Count < 3)
        {
            return;
        }
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        // The deadline: the last half hour at least an hour ago; the documents went out 24 days before it.
        var deadline = new DateTime(now.Ticks - now.Ticks % TimeSpan.FromMinutes(30).Ticks, DateTimeKind.Utc).AddHours(-1);
        var clock = new SeedClock(deadline.AddDays(-24));

        Guid projectId;
        await using (var tenderer = await DemoActor.CreateAsync(services, tendererEmail, clock))
        await using (var supervisor = await DemoActor.CreateAsync(services, supervisorEmail, clock))
        {
            int centre, department;
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<TradeDbContext>();
                centre = await db.TradingCentres.Where(c => c.RegionCode == "640100").Select(c => c.Id).SingleAsync();
                department = await db.SupervisingDepartments.Where(d => d.ShortName == "住房城乡建设厅").Select(d => d.Id).SingleAsync();
            }
            var registration = tenderer.Create<ProjectRegistration>();
            var workflow = tenderer.Create<ProjectWorkflowService>();
            projectId = await registration.RegisterAsync(new ProjectForm(ProjectName, "640100", centre, TradeType.EngineeringBidding, TradeMethod.OpenTender,
                Guid.Empty, null, department, Money.FromYuan(14_980_000m), null, "企业自筹及银行贷款", null,
                [new LotForm("综合管廊土建施工", Money.FromYuan(12_600_000m), Money.FromYuan(200_000m), "市政公用工程"),
                 new LotForm("管廊监控及消防系统安装", Money.FromYuan(2_380_000m), Money.FromYuan(40_000m), "机电工程")]));
            clock.Advance(TimeSpan.FromHours(3));
            await workflow.FireAsync(projectId, "SubmitPlan", await RevisionAsync(registration, projectId));
            clock.Advance(TimeSpan.FromHours(1));
            await workflow.FireAsync(projectId, "PublishNotice", await RevisionAsync(registration, projectId));
            clock.Advance(TimeSpan.FromHours(20));
            var pending = (await supervisor.Create<ProjectRegistration>().GetAsync(projectId)).Project.PendingApprovalId!.Value;
            await supervisor.Create<ProjectWorkflowService>().DecideAsync(pending, approve: true, "招标方案符合规定，同意发布招标公告。");
            clock.Advance(TimeSpan.FromHours(1));
            await workflow.SetBidDeadlineAsync(projectId, await RevisionAsync(registration, projectId), deadline);
            clock.Advance(TimeSpan.FromHours(1));
            await using var pdf = new MemoryStream(BiddingDemoData.DemoPdf());
            await tenderer.Create<TenderDocumentService>().UploadAsync(projectId, "滨河新区综合管廊建设工程招标文件.pdf", pdf, DemoPin);
        }

        // The three bidders obtain the documents and seal their bids over the following days.
        for (var i = 0; i < bidders.Count; i++)
        {
            clock.Advance(TimeSpan.FromHours(26));
            await using var bidder = await DemoActor.CreateAsync(services, bidders[i], clock);
            var documents = bidder.Create<TenderDocumentService>();
            var document = (await documents.DocumentsAsync(projectId)).First(d => d.IsCurrent);
            await using (var download = (await documents.DownloadAsync(document.Id, $"10.64.1.{21 + i}")).Content)
            {
            }
            var bids = bidder.Create<SealedBidService>();
            foreach (var lot in i < 2 ? new[] { 1, 2 } : new[] { 1 })
            {
                clock.Advance(TimeSpan.FromHours(4));
                var price = lot == 1 ? 12_180_000_00L - i * 63_500_00L : 2_296_000_00L - i * 21_000_00L;
                var form = new BidPriceForm(price, lot == 1 ? 540 - i * 15 : 120, "合格", new[] { "刘建军", "王志远", "马振华" }[i]);
                await using var file = new MemoryStream(BiddingDemoData.DemoPdf());
                await bids.SubmitAsync(projectId, lot, form, [new BidUpload(lot == 1 ? "投标文件（商务及技术部分）.pdf" : "投标文件.pdf", file)],
                    DemoBidPassword, DemoPin, $"10.64.1.{21 + i}");
            }
        }

        // The document sale ended long ago; at the deadline the clerk opens lot 1. Lot 2 (two bids) waits for 重新招标.
        await using (var clerk = await DemoActor.CreateAsync(services, clerkEmail, clock))
        {
            var registration = clerk.Create<ProjectRegistration>();
            var workflow = clerk.Create<ProjectWorkflowService>();
            clock.MoveTo(deadline.AddDays(-10)); // the five-day document sale is long over
            await workflow.FireAsync(projectId, "CloseDocumentSale", await RevisionAsync(registration, projectId));
            clock.MoveTo(deadline.AddMinutes(2));
            await workflow.FireLotAsync(projectId, 1, "OpenBids", await RevisionAsync(registration, projectId));
        }
    }

    private static async Task<int> RevisionAsync(ProjectRegistration registration, Guid projectId) =>
        (await registration.GetAsync(projectId)).Project.Revision;
}
