using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Bidding;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.MarketEntities;
using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Workbench.Infrastructure;

namespace NingxiaTrade.Workbench.Features.Bidding;

/// <summary>
/// Development only: the demo bidder's deposits through the real services — on the sewage plant upgrade a transfer from its
/// basic account the clerk confirmed (已到账); on a second open lot of the clerk's centre a deposit confirmed, then withdrawn
/// and refunded with its due date (已退还); on a third a guarantee (or, without a deadline yet, a transfer) not yet checked (待缴). No demo lot is past its bid
/// deadline, so none is forfeited (已没收 needs the deadline passed).
/// </summary>
public static class DepositDemoData
{
    private const string PlantName = "银川市第四污水处理厂提标改造工程";

    public static async Task SeedAsync(IServiceProvider services, string clerkEmail, string bidderEmail)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            if (await scope.ServiceProvider.GetRequiredService<TradeDbContext>().Deposits.AnyAsync())
            {
                return;
            }
        }
        var clock = services.GetRequiredService<TimeProvider>();
        await using var bidder = await DemoActor.CreateAsync(services, bidderEmail, clock);
        await using var clerk = await DemoActor.CreateAsync(services, clerkEmail, clock);
        var deposits = bidder.Create<DepositService>();
        var clerkProjects = clerk.Create<ProjectDirectory>();
        var lots = new List<PayableLot>();
        foreach (var lot in (await deposits.PayableLotsAsync()).OrderByDescending(l => l.ProjectName == PlantName))
        {
            if (await clerkProjects.FindAsync(lot.ProjectId) is not null)
            {
                lots.Add(lot);
            }
        }
        if (lots.Count == 0 || lots[0].ProjectName != PlantName)
        {
            return;
        }
        Guid entityId;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TradeDbContext>();
            entityId = await db.Users.Where(u => u.Email == bidderEmail).Select(u => u.MarketEntityId).FirstOrDefaultAsync() ?? Guid.Empty;
        }
        var directory = bidder.Create<MarketEntityDirectory>();
        if (await directory.BasicAccountAsync(entityId) is not { } basic)
        {
            return;
        }
        var name = (await directory.GetManyAsync([entityId])).Single().Name;
        var clerkDeposits = clerk.Create<DepositService>();
        var now = clock.GetUtcNow().UtcDateTime;

        var plant = await deposits.RecordTransferAsync(lots[0].ProjectId, lots[0].LotNumber,
            new TransferForm(basic.BankName, $"NX{now:yyyyMMdd}0417", basic.AccountNumber, name));
        await clerkDeposits.ConfirmArrivalAsync(plant.Id);

        if (lots.Count > 1)
        {
            var withdrawn = await deposits.RecordTransferAsync(lots[1].ProjectId, lots[1].LotNumber,
                new TransferForm(basic.BankName, $"NX{now:yyyyMMdd}0388", basic.AccountNumber, name));
            await clerkDeposits.ConfirmArrivalAsync(withdrawn.Id);
            await deposits.BidWithdrawnAsync(lots[1].ProjectId, lots[1].LotNumber, entityId, now);
            await clerkDeposits.RefundAsync(withdrawn.Id);
        }
        if (lots.Count > 2)
        {
            if (lots[2].BidDeadlineUtc is { } deadline)
            {
                await deposits.RecordGuaranteeAsync(lots[2].ProjectId, lots[2].LotNumber, new GuaranteeForm($"DZBH{now:yyyyMMdd}062", "中国银行股份有限公司宁夏回族自治区分行",
                    lots[2].Deposit, DateOnly.FromDateTime(deadline).AddDays(new DepositSettings().BidValidityDays + 30), Electronic: true));
            }
            else
            {
                await deposits.RecordTransferAsync(lots[2].ProjectId, lots[2].LotNumber,
                    new TransferForm(basic.BankName, $"NX{now:yyyyMMdd}0526", basic.AccountNumber, name));
            }
        }
    }
}
