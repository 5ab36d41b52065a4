// Import bomb benchmark: refusing a 32-million-cell .xlsx (about 1.7 MB compressed, the issue's probe) and importing a
// legitimate 10,000-row ban list, each through the same pipeline and service the workbench uses.
// Run:  dotnet run -c Release --project bench/ImportBomb            (prepares the files, then both measurements)
//       dotnet run -c Release --project bench/ImportBomb -- bomb    (one measurement per process, for clean peaks)
//       dotnet run -c Release --project bench/ImportBomb -- legit
using System.Diagnostics;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Audit;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Credit;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.MarketEntities;
using NingxiaTrade.Domain.Organisations;
using NingxiaTrade.Tests.Support;

const int BombRows = 32_000;
const int BombColumns = 1_000;
const int LegitRows = 10_000;

var mode = args.Length > 0 ? args[0] : "all";
var folder = Path.Combine(Path.GetTempPath(), "nxt-bench-importbomb");
var bombPath = Path.Combine(folder, "bomb-32m-cells.xlsx");
var legitPath = Path.Combine(folder, "bans-10000.xlsx");
var templateDb = Path.Combine(folder, "entities-10000.db");

if (mode is "all" or "prepare" || !File.Exists(bombPath) || !File.Exists(legitPath) || !File.Exists(templateDb))
{
    await PrepareAsync();
}
if (mode is "all" or "bomb")
{
    await RefuseBombAsync();
}
if (mode is "all" or "legit")
{
    await ImportLegitAsync();
}
return 0;

async Task RefuseBombAsync()
{
    var bytes = await File.ReadAllBytesAsync(bombPath);
    var (path, contexts, credit) = FreshDatabase();
    try
    {
        var sw = Stopwatch.StartNew();
        string message;
        try
        {
            await credit.ImportBansAsync("bomb.xlsx", bytes.Length, new MemoryStream(bytes));
            message = "NOT REFUSED";
        }
        catch (DomainException e)
        {
            message = e.Message;
        }
        sw.Stop();
        Console.WriteLine($"bomb: {BombRows:N0} x {BombColumns:N0} = {(long)BombRows * BombColumns:N0} cells, {bytes.Length / 1024d / 1024d:0.00} MB compressed");
        Console.WriteLine($"bomb refused in: {sw.Elapsed.TotalMilliseconds:0.0} ms");
        Console.WriteLine($"bomb peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB");
        Console.WriteLine($"bomb message: {message}");
    }
    finally
    {
        File.Delete(path);
    }
}

async Task ImportLegitAsync()
{
    var bytes = await File.ReadAllBytesAsync(legitPath);
    // Reading alone (package checks and streaming every row and cell), to set against the whole import.
    var read = Stopwatch.StartNew();
    var rowsRead = 0;
    using (var sheet = XlsxSheetReader.Open(new MemoryStream(bytes), new ImportSettings()))
    {
        rowsRead = sheet.Rows(7, CancellationToken.None).Count();
    }
    read.Stop();
    Console.WriteLine($"legit read only: {rowsRead:N0} rows in {read.Elapsed.TotalMilliseconds:0} ms");
    var (path, contexts, credit) = FreshDatabase();
    try
    {
        var sw = Stopwatch.StartNew();
        var result = await credit.ImportBansAsync("bans.xlsx", bytes.Length, new MemoryStream(bytes));
        sw.Stop();
        await using var db = contexts.CreateDbContext();
        var saved = await db.MarketBans.CountAsync();
        Console.WriteLine($"legit: {LegitRows:N0} rows, {bytes.Length / 1024d / 1024d:0.00} MB; succeeded {result.Succeeded}, imported {result.Imported}, bans in database {saved}");
        Console.WriteLine($"legit import (read, validate, audited save): {sw.Elapsed.TotalMilliseconds:0} ms");
        Console.WriteLine($"legit peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB");
        if (!result.Succeeded)
        {
            Console.WriteLine(string.Join("\n", result.Errors.Take(5)));
        }
    }
    finally
    {
        File.Delete(path);
    }
}

// A copy of the prepared database (10,000 registered entities) and a supervisor's CreditAdministration on it.
(string Path, IDbContextFactory<TradeDbContext> Contexts, CreditAdministration Credit) FreshDatabase()
{
    var user = new BenchUser(Roles.Supervisor);
    var path = Path.Combine(folder, $"run-{Guid.NewGuid():N}.db");
    File.Copy(templateDb, path);
    var contexts = Factory(path, user);
    // A generous time limit: the bench measures the import's cost, not the 60-second default (tested elsewhere).
    var limits = new ImportSettings { TimeLimit = TimeSpan.FromMinutes(10) };
    return (path, contexts, new CreditAdministration(contexts, user, TimeProvider.System, new MarketEntityDirectory(contexts, user), new ExcelImport(limits, TimeProvider.System)));
}

async Task PrepareAsync()
{
    Directory.CreateDirectory(folder);
    await using (var bomb = File.Create(bombPath))
    {
        XlsxFiles.WriteBomb(bomb, BombRows, BombColumns, dimension: null);
    }
    if (File.Exists(templateDb))
    {
        File.Delete(templateDb);
    }
    var random = new Random(2026);
    var codes = new HashSet<string>();
    while (codes.Count < LegitRows)
    {
        codes.Add(CreditCode.Generate('9', '1', "640100", random).Value);
    }
    var system = new BenchUser("System");
    var contexts = Factory(templateDb, system);
    await using (var db = contexts.CreateDbContext())
    {
        await db.Database.MigrateAsync();
        await ReferenceData.SeedAsync(db);
    }
    await using (var db = contexts.CreateDbContext())
    {
        var centre = await db.TradingCentres.Where(c => c.RegionCode == "640100").Select(c => c.Id).SingleAsync();
        var n = 0;
        foreach (var code in codes)
        {
            CreditCode.TryParse(code, out var parsed, out _);
            var entity = new MarketEntity(parsed, centre, "bench", DateTime.UtcNow);
            n++;
            entity.Edit(new MarketEntityDetails
            {
                Name = $"银川市测试建设工程有限公司{n}",
                Kind = MarketEntityKind.Enterprise,
                LegalRepresentativeName = "马志刚",
                LegalRepresentativeIdNumber = IdNumber.Generate("640104", new DateOnly(1970, 1, 1).AddDays(n % 7000), n % 1000).Value,
                RegisteredAddress = "银川市兴庆区解放西街 1 号",
                RegionCode = "640100",
                Contacts = [new ContactForm(ContactKind.Phone, "马志刚", "0951-6012345")],
                BankAccounts = [],
                Qualifications = [],
                KeyStaff = [],
            });
            db.MarketEntities.Add(entity);
        }
        await db.SaveChangesAsync();
    }
    using var workbook = new XLWorkbook();
    var sheet = workbook.AddWorksheet("禁入名单");
    string[] header = ["统一社会信用代码", "名单名称", "禁入范围", "开始日期", "结束日期", "事由", "文号"];
    for (var c = 0; c < header.Length; c++)
    {
        sheet.Cell(1, c + 1).SetValue(header[c]);
    }
    string[] lists = ["失信被执行人", "重大税收违法失信主体", "政府采购严重违法失信行为记录名单"];
    string[] reasons = ["拒不履行生效判决", "虚开增值税专用发票", "提供虚假材料谋取中标"];
    var row = 2;
    foreach (var code in codes)
    {
        object[] values = [code, lists[row % 3], "全部", "2026-01-01", "2027-12-31", reasons[row % 3], $"（2026）宁01执{row}号"];
        for (var c = 0; c < values.Length; c++)
        {
            sheet.Cell(row, c + 1).SetValue(values[c].ToString());
            sheet.Cell(row, c + 1).DataType = XLDataType.Text;
        }
        row++;
    }
    workbook.SaveAs(legitPath);
}

static IDbContextFactory<TradeDbContext> Factory(string path, IAuditActor actor) =>
    new BenchContexts(new DbContextOptionsBuilder<SqliteTradeDbContext>()
        .UseSqlite($"Data Source={path};Pooling=False")
        .AddInterceptors(new AuditInterceptor(TimeProvider.System))
        .Options, actor);

internal sealed class BenchContexts(DbContextOptions<SqliteTradeDbContext> options, IAuditActor actor) : IDbContextFactory<TradeDbContext>
{
    public TradeDbContext CreateDbContext() => new SqliteTradeDbContext(options) { Actor = actor };
}

internal sealed class BenchUser(string role) : ICurrentUser
{
    public string? UserId => "bench-" + role;
    public string? UserName => "bench@" + role;
    public string? Role => role;
    public bool IsAuthenticated => true;
    public bool IsInRole(string r) => r == role;
    public bool HasPermission(string permission) => false;
}
