using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Audit;
using NingxiaTrade.Domain.Credit;
using NingxiaTrade.Tests.Domain.MarketEntities;

namespace NingxiaTrade.Tests.Domain.Audit;

/// <summary>Current rows of the key tables are recomputed from the audit log; what the log does not explain is reported.</summary>
public class AuditReconciliationTests : MarketEntityTestBase
{
    private AuditReconciliationService Reconciliation => new(Database, Database.User, Database.Time, new AuditReconciliationSettings());

    [Fact]
    public async Task Run_RowsChangedOnlyThroughThePlatform_FindsNothingAndIsRecorded()
    {
        var (banId, recordId) = await BanAndRecordAsync();
        ActAs(Roles.Supervisor, "supervisor-1");
        await Credit.LiftBanAsync(banId, "处罚期满，依申请解除");

        Database.User.As(Roles.Admin);
        var run = await Reconciliation.RunAsync();

        Assert.True(run.FindingCount == 0, string.Join("\n", run.FindingList()));
        Assert.True(run.RowsChecked >= 2);
        await using var db = Database.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(AuditReconciliation) && e.EntityKey == run.Id.ToString()));
        Assert.Equal(run.Id, (await Reconciliation.LatestAsync())!.Id);
        Assert.NotEqual(Guid.Empty, recordId);
    }

    [Fact]
    public async Task Run_BanEditedInSqlWithTriggersDropped_ReportsTheField()
    {
        var (banId, _) = await BanAndRecordAsync();
        await using (var db = Database.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS AuditLog_NoUpdate; DROP TRIGGER IF EXISTS AuditLog_NoDelete;");
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE MarketBans SET Reason = {"一般违规"} WHERE Id = {banId}");
        }

        Database.User.As(Roles.Admin);
        var run = await Reconciliation.RunAsync();

        var finding = Assert.Single(run.FindingList());
        Assert.Equal(("MarketBan", banId.ToString(), "Reason"), (finding.EntityType, finding.EntityKey, finding.Field));
        Assert.Equal("\"串通投标，情节严重\"", finding.Logged);
        Assert.Equal("\"一般违规\"", finding.Actual);
    }

    [Fact]
    public async Task Run_RecordDeletedInSql_ReportsTheMissingRow()
    {
        var (_, recordId) = await BanAndRecordAsync();
        await using (var db = Database.CreateDbContext())
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM CreditRecords WHERE Id = {recordId}");
        }

        Database.User.As(Roles.Admin);
        var run = await Reconciliation.RunAsync();

        var finding = Assert.Single(run.FindingList());
        Assert.Equal(("CreditRecord", recordId.ToString(), null), (finding.EntityType, finding.EntityKey, finding.Field));
        Assert.Contains("已没有该行", finding.Problem);
    }

    [Fact]
    public async Task Run_NotAdmin_IsRefused()
    {
        ActAs(Roles.Supervisor, "supervisor-1");

        await Assert.ThrowsAsync<AccessDeniedException>(() => Reconciliation.RunAsync());
    }

    [Fact]
    public async Task RunIfDue_WithinTheInterval_RunsOnce()
    {
        Assert.Equal(1, await Reconciliation.RunIfDueAsync());
        Assert.Equal(0, await Reconciliation.RunIfDueAsync());
        Database.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await Reconciliation.RunIfDueAsync());
    }

    private async Task<(Guid BanId, Guid RecordId)> BanAndRecordAsync()
    {
        var (id, _, _) = await ApprovedEntityAsync();
        ActAs(Roles.Supervisor, "supervisor-1");
        var banId = await Credit.AddBanAsync(id, new MarketBanForm("市场禁入", [], new(2026, 6, 1), new(2028, 5, 31), "串通投标，情节严重", "宁建罚〔2026〕27号"));
        var recordId = await Credit.AddRecordAsync(id, new CreditRecordForm(CreditRecordKind.AdministrativePenalty, false, "未按规定提交投标保证金",
            "吴建罚〔2026〕3号", "《招标投标法实施条例》", "吴忠市住房和城乡建设局", new(2026, 9, 1), new(2026, 9, 1), new(2027, 9, 1)));
        return (banId, recordId);
    }
}
