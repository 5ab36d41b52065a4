using System.Text.Json;
using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Domain.MarketEntities;

/// <summary>The parts of an entity's key data (关键信息) a change may touch.</summary>
[Flags]
public enum KeyDataParts
{
    None = 0,
    Name = 1,
    LegalRepresentative = 2,
    BankAccounts = 4,
    Qualifications = 8,
    KeyStaff = 16,
}

/// <summary>One line of an old/new comparison: which part, what it was, what it becomes.</summary>
public sealed record KeyDataDifference(KeyDataParts Part, string Label, IReadOnlyList<string> Old, IReadOnlyList<string> New);

/// <summary>
/// 关键信息: what other parties rely on when they deal with an approved entity — its name, legal representative,
/// bank accounts (deposits are refunded to them), qualifications (bid conditions are checked against them) and key
/// staff (project managers are named in bids). Once the entity is approved these change only through a reviewed
/// <see cref="MarketEntityChange"/>, which keeps this snapshot before and after.
/// </summary>
public sealed record MarketEntityKeyData
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public string Name { get; init; } = "";
    public string LegalRepresentativeName { get; init; } = "";
    public string LegalRepresentativeIdNumber { get; init; } = "";
    public IReadOnlyList<BankAccountForm> BankAccounts { get; init; } = [];
    public IReadOnlyList<QualificationForm> Qualifications { get; init; } = [];
    public IReadOnlyList<KeyStaffForm> KeyStaff { get; init; } = [];

    public static MarketEntityKeyData Of(MarketEntity entity) => new()
    {
        Name = entity.Name,
        LegalRepresentativeName = entity.LegalRepresentativeName,
        LegalRepresentativeIdNumber = entity.LegalRepresentativeIdNumber.Value,
        BankAccounts = entity.BankAccounts.Select(a => new BankAccountForm(a.BankName, a.AccountName, a.AccountNumber, a.IsBasic)).ToList(),
        Qualifications = entity.Qualifications.Select(q => new QualificationForm(q.Type, q.Grade, q.Number, q.Issuer, q.ExpiresOn)).ToList(),
        KeyStaff = entity.KeyStaff.Select(s => new KeyStaffForm(s.Name, s.IdNumber.Value, s.Certificates)).ToList(),
    };

    /// <summary>
    /// The key data of a filled-in form, validated and written the way the entity would store it (trimmed, account
    /// numbers without spaces, ID numbers upper-case), so that comparing it with <see cref="Of"/> finds only real changes.
    /// </summary>
    public static MarketEntityKeyData From(MarketEntityDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var name = details.Name?.Trim() ?? "";
        if (name.Length is < 2 or > 200)
        {
            throw new DomainException("名称应为2至200个字符。");
        }
        var legalName = details.LegalRepresentativeName?.Trim() ?? "";
        if (legalName.Length is < 2 or > 50)
        {
            throw new DomainException("法定代表人姓名应为2至50个字符。");
        }
        if (!IdNumber.TryParse(details.LegalRepresentativeIdNumber, out var legalId, out var error))
        {
            throw new DomainException("法定代表人" + error);
        }
        return new MarketEntityKeyData
        {
            Name = name,
            LegalRepresentativeName = legalName,
            LegalRepresentativeIdNumber = legalId.Value,
            BankAccounts = details.BankAccounts.Select(a => new EntityBankAccount(a.BankName, a.AccountName, a.AccountNumber, a.IsBasic))
                .Select(a => new BankAccountForm(a.BankName, a.AccountName, a.AccountNumber, a.IsBasic)).ToList(),
            Qualifications = details.Qualifications.Select(q => new Qualification(q.Type, q.Grade, q.Number, q.Issuer, q.ExpiresOn))
                .Select(q => new QualificationForm(q.Type, q.Grade, q.Number, q.Issuer, q.ExpiresOn)).ToList(),
            KeyStaff = details.KeyStaff.Select(s => new KeyStaffMember(s.Name, s.IdNumber, s.Certificates))
                .Select(s => new KeyStaffForm(s.Name, s.IdNumber.Value, s.Certificates)).ToList(),
        };
    }

    /// <summary>The parts in which <paramref name="other"/> differs from this.</summary>
    public KeyDataParts PartsChangedIn(MarketEntityKeyData other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var parts = KeyDataParts.None;
        if (Name != other.Name)
        {
            parts |= KeyDataParts.Name;
        }
        if (LegalRepresentativeName != other.LegalRepresentativeName || LegalRepresentativeIdNumber != other.LegalRepresentativeIdNumber)
        {
            parts |= KeyDataParts.LegalRepresentative;
        }
        if (!BankAccounts.SequenceEqual(other.BankAccounts))
        {
            parts |= KeyDataParts.BankAccounts;
        }
        if (!Qualifications.SequenceEqual(other.Qualifications))
        {
            parts |= KeyDataParts.Qualifications;
        }
        if (!KeyStaff.SequenceEqual(other.KeyStaff))
        {
            parts |= KeyDataParts.KeyStaff;
        }
        return parts;
    }

    /// <summary>Old and new text of every changed part, for the review screen and the history.</summary>
    public IReadOnlyList<KeyDataDifference> DifferencesTo(MarketEntityKeyData proposed)
    {
        var parts = PartsChangedIn(proposed);
        var list = new List<KeyDataDifference>();
        void Add(KeyDataParts part, Func<MarketEntityKeyData, IEnumerable<string>> lines)
        {
            if (parts.HasFlag(part))
            {
                list.Add(new KeyDataDifference(part, Label(part), Lines(lines(this)), Lines(lines(proposed))));
            }
        }
        Add(KeyDataParts.Name, d => [d.Name]);
        Add(KeyDataParts.LegalRepresentative, d => [$"{d.LegalRepresentativeName}（身份证号码 {IdNumber.Parse(d.LegalRepresentativeIdNumber).Masked}）"]);
        Add(KeyDataParts.BankAccounts, d => d.BankAccounts.Select(a => $"{a.BankName} {a.AccountName} {a.AccountNumber}{(a.IsBasic ? "（基本账户）" : "")}"));
        Add(KeyDataParts.Qualifications, d => d.Qualifications.Select(q =>
            $"{q.Type}{(q.Grade is null ? "" : " " + q.Grade)} {q.Number}（{q.Issuer}，{(q.ExpiresOn is { } e ? "有效期至 " + e.ToString("yyyy-MM-dd") : "长期有效")}）"));
        Add(KeyDataParts.KeyStaff, d => d.KeyStaff.Select(s =>
            $"{s.Name}（身份证号码 {IdNumber.Parse(s.IdNumber).Masked}）{(s.Certificates is null ? "" : " " + s.Certificates)}"));
        return list;
    }

    private static IReadOnlyList<string> Lines(IEnumerable<string> lines)
    {
        var list = lines.ToList();
        return list.Count == 0 ? ["（无）"] : list;
    }

    public static string Label(KeyDataParts part) => part switch
    {
        KeyDataParts.Name => "名称",
        KeyDataParts.LegalRepresentative => "法定代表人",
        KeyDataParts.BankAccounts => "银行账户",
        KeyDataParts.Qualifications => "资质",
        KeyDataParts.KeyStaff => "关键人员",
        _ => part.ToString(),
    };

    /// <summary>The Chinese names of the parts, e.g. "名称、银行账户".</summary>
    public static string Labels(KeyDataParts parts) =>
        string.Join("、", Enum.GetValues<KeyDataParts>().Where(p => p != KeyDataParts.None && parts.HasFlag(p)).Select(Label));

    internal string ToJson() => JsonSerializer.Serialize(this, Json);

    internal static MarketEntityKeyData? FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<MarketEntityKeyData>(json, Json);
}
