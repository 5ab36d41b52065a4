using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Domain.MarketEntities;

/// <summary>市场主体的类型。</summary>
public enum MarketEntityKind
{
    Enterprise = 1,
    PublicInstitution = 2,
    SocialOrganisation = 3,
    IndividualBusiness = 4,
    Other = 9,
}

/// <summary>Where an entity's registration stands. Only an <see cref="Approved"/> entity is recognised at every centre.</summary>
public enum MarketEntityStatus
{
    Draft = 1,
    PendingReview = 2,
    Approved = 3,
    Returned = 4,
}

public static class MarketEntityNames
{
    public static string Chinese(this MarketEntityKind kind) => kind switch
    {
        MarketEntityKind.Enterprise => "企业",
        MarketEntityKind.PublicInstitution => "事业单位",
        MarketEntityKind.SocialOrganisation => "社会组织",
        MarketEntityKind.IndividualBusiness => "个体工商户",
        MarketEntityKind.Other => "其他",
    };

    public static string Chinese(this MarketEntityStatus status) => status switch
    {
        MarketEntityStatus.Draft => "草稿",
        MarketEntityStatus.PendingReview => "待审核",
        MarketEntityStatus.Approved => "已通过",
        MarketEntityStatus.Returned => "已退回",
    };
}

/// <summary>
/// 市场主体: one record for the whole region, keyed on its 统一社会信用代码. Registered once at any trading centre and,
/// once approved by a clerk at any centre, recognised at every centre (实施方案 四(三)2). Its name and legal
/// representative change only through a <see cref="MarketEntityChange"/> that is reviewed again.
/// </summary>
public class MarketEntity
{
    private readonly List<EntityContact> _contacts = [];
    private readonly List<EntityBankAccount> _bankAccounts = [];
    private readonly List<Qualification> _qualifications = [];
    private readonly List<KeyStaffMember> _keyStaff = [];

    private MarketEntity() { }

    public MarketEntity(CreditCode code, int registrationCentreId, string ownerUserId, DateTime createdUtc)
    {
        Id = Guid.NewGuid();
        Code = code;
        RegistrationCentreId = registrationCentreId;
        OwnerUserId = ownerUserId;
        CreatedUtc = createdUtc;
        Status = MarketEntityStatus.Draft;
    }

    public Guid Id { get; private set; }
    public CreditCode Code { get; private set; }
    public string Name { get; private set; } = "";
    public MarketEntityKind Kind { get; private set; } = MarketEntityKind.Enterprise;
    public string LegalRepresentativeName { get; private set; } = "";
    public IdNumber LegalRepresentativeIdNumber { get; private set; }
    public string RegisteredAddress { get; private set; } = "";
    /// <summary>GB/T 2260 code of the entity's city (640100 …), for lists and statistics.</summary>
    public string RegionCode { get; private set; } = Regions.Ningxia;
    public string? BusinessScope { get; private set; }

    /// <summary>The trading centre the entity registered at (shown when the credit code is registered a second time).</summary>
    public int RegistrationCentreId { get; private set; }
    /// <summary>The account that registered the entity and maintains it.</summary>
    public string OwnerUserId { get; private set; } = "";

    public MarketEntityStatus Status { get; private set; }
    public DateTime CreatedUtc { get; private set; }
    public DateTime? SubmittedUtc { get; private set; }
    public DateTime? ApprovedUtc { get; private set; }
    /// <summary>The centre whose clerk approved the entity.</summary>
    public int? ApprovedByCentreId { get; private set; }
    public int Revision { get; private set; }

    public IReadOnlyList<EntityContact> Contacts => _contacts;
    public IReadOnlyList<EntityBankAccount> BankAccounts => _bankAccounts;
    public IReadOnlyList<Qualification> Qualifications => _qualifications;
    public IReadOnlyList<KeyStaffMember> KeyStaff => _keyStaff;

    public bool IsEditable => Status is MarketEntityStatus.Draft or MarketEntityStatus.Returned;

    /// <summary>
    /// Saves the form. A draft or returned registration changes freely. An approved entity changes its address,
    /// contacts and business scope here; its key data (<see cref="MarketEntityKeyData"/>: name, legal representative,
    /// bank accounts, qualifications, key staff) only through a reviewed <see cref="MarketEntityChange"/>.
    /// </summary>
    public void Edit(MarketEntityDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (Status == MarketEntityStatus.PendingReview)
        {
            throw new DomainException("登记信息正在审核中，审核完成前不能修改。");
        }
        if (Status == MarketEntityStatus.Approved)
        {
            var changed = MarketEntityKeyData.Of(this).PartsChangedIn(MarketEntityKeyData.From(details));
            if (changed != KeyDataParts.None)
            {
                throw new DomainException($"{MarketEntityKeyData.Labels(changed)}属于关键信息，须填写变更原因提交变更申请，经交易中心审核后生效。");
            }
            Kind = details.Kind;
            ApplyOtherDetails(details);
        }
        else
        {
            SetKeyData(MarketEntityKeyData.From(details));
            Kind = details.Kind;
            ApplyOtherDetails(details);
            ApplyKeyLists(details.BankAccounts, details.Qualifications, details.KeyStaff);
        }
        Revision++;
    }

    /// <summary>Sets name and legal representative from key data already validated by <see cref="MarketEntityKeyData.From"/>.</summary>
    private void SetKeyData(MarketEntityKeyData key)
    {
        Name = key.Name;
        LegalRepresentativeName = key.LegalRepresentativeName;
        LegalRepresentativeIdNumber = IdNumber.Parse(key.LegalRepresentativeIdNumber);
    }

    private void ApplyOtherDetails(MarketEntityDetails details)
    {
        var address = details.RegisteredAddress?.Trim() ?? "";
        if (address.Length is < 4 or > 200)
        {
            throw new DomainException("注册地址应为4至200个字符。");
        }
        if (!Regions.IsKnown(details.RegionCode))
        {
            throw new DomainException("请选择所在地区（宁夏回族自治区或五个地级市之一）。");
        }
        var contacts = details.Contacts.Select(c => new EntityContact(c.Kind, c.Name, c.Value)).ToList();
        if (!contacts.Any(c => c.Kind == ContactKind.Phone))
        {
            throw new DomainException("至少填写一个联系电话。");
        }
        RegisteredAddress = address;
        RegionCode = details.RegionCode;
        BusinessScope = string.IsNullOrWhiteSpace(details.BusinessScope) ? null : details.BusinessScope.Trim();
        Replace(_contacts, contacts);
    }

    private void ApplyKeyLists(IEnumerable<BankAccountForm> accounts, IEnumerable<QualificationForm> qualifications, IEnumerable<KeyStaffForm> staff)
    {
        var a = accounts.Select(x => new EntityBankAccount(x.BankName, x.AccountName, x.AccountNumber, x.IsBasic)).ToList();
        if (a.Count(x => x.IsBasic) > 1)
        {
            // 《人民币银行结算账户管理办法》第十七条: an entity opens only one basic deposit account.
            throw new DomainException("只能登记一个基本存款账户。");
        }
        var q = qualifications.Select(x => new Qualification(x.Type, x.Grade, x.Number, x.Issuer, x.ExpiresOn)).ToList();
        var k = staff.Select(x => new KeyStaffMember(x.Name, x.IdNumber, x.Certificates)).ToList();
        Replace(_bankAccounts, a);
        Replace(_qualifications, q);
        Replace(_keyStaff, k);
    }

    private static void Replace<T>(List<T> list, List<T> items)
    {
        list.Clear();
        list.AddRange(items);
    }

    public void Submit(DateTime nowUtc)
    {
        if (!IsEditable)
        {
            throw new DomainException($"当前状态为“{Status.Chinese()}”，不能提交审核。");
        }
        if (Name.Length == 0)
        {
            throw new DomainException("请先填写并保存登记信息。");
        }
        Status = MarketEntityStatus.PendingReview;
        SubmittedUtc = nowUtc;
    }

    public void Approve(int centreId, DateTime nowUtc)
    {
        RequirePending();
        Status = MarketEntityStatus.Approved;
        ApprovedUtc = nowUtc;
        ApprovedByCentreId = centreId;
    }

    public void Return()
    {
        RequirePending();
        Status = MarketEntityStatus.Returned;
    }

    /// <summary>Applies an approved change of key data.</summary>
    internal void ApplyChange(MarketEntityChange change)
    {
        if (Status != MarketEntityStatus.Approved)
        {
            throw new DomainException("只有已通过审核的市场主体可以变更关键信息。");
        }
        var current = MarketEntityKeyData.Of(this);
        if (change.Before.PartsChangedIn(current) is not KeyDataParts.None and var moved && change.NewKeyData.Length > 0)
        {
            throw new DomainException($"申请提交后{MarketEntityKeyData.Labels(moved)}已发生变化，请退回后由申请人重新申请。");
        }
        var after = change.After;
        SetKeyData(after);
        if (change.NewKeyData.Length > 0)
        {
            ApplyKeyLists(after.BankAccounts, after.Qualifications, after.KeyStaff);
        }
        Revision++;
    }

    private void RequirePending()
    {
        if (Status != MarketEntityStatus.PendingReview)
        {
            throw new DomainException($"该市场主体当前状态为“{Status.Chinese()}”，不在待审核状态。");
        }
    }
}

public enum ContactKind
{
    Phone = 1,
    Email = 2,
}

public sealed class EntityContact
{
    private EntityContact() { }

    public EntityContact(ContactKind kind, string? name, string value)
    {
        value = value?.Trim() ?? "";
        if (kind == ContactKind.Phone && (value.Length is < 7 or > 20 || !value.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' ')))
        {
            throw new DomainException($"联系电话“{value}”格式不正确。");
        }
        if (kind == ContactKind.Email && !System.Net.Mail.MailAddress.TryCreate(value, out _))
        {
            throw new DomainException($"电子邮箱“{value}”格式不正确。");
        }
        Kind = kind;
        Name = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        Value = value;
    }

    public int Id { get; private set; }
    public Guid MarketEntityId { get; private set; }
    public ContactKind Kind { get; private set; }
    public string? Name { get; private set; }
    public string Value { get; private set; } = "";
}

public sealed class EntityBankAccount
{
    private EntityBankAccount() { }

    public EntityBankAccount(string bankName, string accountName, string accountNumber, bool isBasic = false)
    {
        bankName = bankName?.Trim() ?? "";
        accountName = accountName?.Trim() ?? "";
        accountNumber = (accountNumber ?? "").Replace(" ", "", StringComparison.Ordinal);
        if (bankName.Length < 2 || accountName.Length < 2)
        {
            throw new DomainException("请填写开户银行和账户名称。");
        }
        if (accountNumber.Length is < 8 or > 32 || !accountNumber.All(char.IsAsciiDigit))
        {
            throw new DomainException($"银行账号“{accountNumber}”应为8至32位数字。");
        }
        BankName = bankName;
        AccountName = accountName;
        AccountNumber = accountNumber;
        IsBasic = isBasic;
    }

    public int Id { get; private set; }
    public Guid MarketEntityId { get; private set; }
    public string BankName { get; private set; } = "";
    public string AccountName { get; private set; } = "";
    public string AccountNumber { get; private set; } = "";
    /// <summary>
    /// The entity's 基本存款账户: an engineering bidder's cash deposit must be transferred from it (《招标投标法实施条例》第二十六条).
    /// </summary>
    public bool IsBasic { get; private set; }
}

/// <summary>资质: a licence or certificate the entity holds, with its expiry.</summary>
public sealed class Qualification
{
    /// <summary>Days before expiry when screens start warning.</summary>
    public const int WarningDays = 60;

    private Qualification() { }

    public Qualification(string type, string? grade, string number, string issuer, DateOnly? expiresOn)
    {
        type = type?.Trim() ?? "";
        number = number?.Trim() ?? "";
        issuer = issuer?.Trim() ?? "";
        if (type.Length < 2 || number.Length < 2 || issuer.Length < 2)
        {
            throw new DomainException("资质须填写类型、证书编号和发证机关。");
        }
        Type = type;
        Grade = string.IsNullOrWhiteSpace(grade) ? null : grade.Trim();
        Number = number;
        Issuer = issuer;
        ExpiresOn = expiresOn;
    }

    public int Id { get; private set; }
    public Guid MarketEntityId { get; private set; }
    public string Type { get; private set; } = "";
    public string? Grade { get; private set; }
    public string Number { get; private set; } = "";
    public string Issuer { get; private set; } = "";
    /// <summary>Null: no expiry (长期有效).</summary>
    public DateOnly? ExpiresOn { get; private set; }

    public QualificationValidity ValidityOn(DateOnly today) => ExpiresOn switch
    {
        null => QualificationValidity.Valid,
        { } end when end < today => QualificationValidity.Expired,
        { } end when end <= today.AddDays(WarningDays) => QualificationValidity.ExpiringSoon,
        _ => QualificationValidity.Valid,
    };
}

public enum QualificationValidity
{
    Valid = 1,
    ExpiringSoon = 2,
    Expired = 3,
}

/// <summary>关键人员: project manager, registered constructor …, with their ID number and certificates.</summary>
public sealed class KeyStaffMember
{
    private KeyStaffMember() { }

    public KeyStaffMember(string name, string idNumber, string? certificates)
    {
        name = name?.Trim() ?? "";
        if (name.Length is < 2 or > 50)
        {
            throw new DomainException("人员姓名应为2至50个字符。");
        }
        if (!Common.IdNumber.TryParse(idNumber, out var id, out var error))
        {
            throw new DomainException($"人员“{name}”的{error}");
        }
        Name = name;
        IdNumber = id;
        Certificates = string.IsNullOrWhiteSpace(certificates) ? null : certificates.Trim();
    }

    public int Id { get; private set; }
    public Guid MarketEntityId { get; private set; }
    public string Name { get; private set; } = "";
    public IdNumber IdNumber { get; private set; }
    /// <summary>Registered certificates, e.g. "一级注册建造师（建筑工程）宁164161700123".</summary>
    public string? Certificates { get; private set; }
}
