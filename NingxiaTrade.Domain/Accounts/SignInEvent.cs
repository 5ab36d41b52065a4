namespace NingxiaTrade.Domain.Accounts;

/// <summary>How a sign-in attempt ended.</summary>
public enum SignInOutcome
{
    /// <summary>登录成功</summary>
    Succeeded = 1,
    /// <summary>密码或验证码错误</summary>
    Failed = 2,
    /// <summary>账户已锁定</summary>
    LockedOut = 3,
    /// <summary>密码正确，待两步验证</summary>
    RequiresTwoFactor = 4,
    /// <summary>账户不允许登录（未确认等）</summary>
    NotAllowed = 5,
}

/// <summary>
/// 登录事件: one sign-in attempt, recorded as an event of its own (and so in the audit chain) rather than as a change
/// of the user account. Failed attempts on unknown names are recorded with the name typed.
/// </summary>
public class SignInEvent
{
    private SignInEvent() { }

    public SignInEvent(string? userId, string userName, string method, SignInOutcome outcome, string? clientAddress, DateTime occurredUtc)
    {
        Id = Guid.NewGuid();
        UserId = userId;
        UserName = userName.Length > 256 ? userName[..256] : userName;
        Method = method;
        Outcome = outcome;
        ClientAddress = clientAddress;
        OccurredUtc = occurredUtc;
    }

    public Guid Id { get; private set; }
    public string? UserId { get; private set; }
    /// <summary>The name typed at the login page.</summary>
    public string UserName { get; private set; } = "";
    /// <summary>密码 / 验证器 / 恢复码.</summary>
    public string Method { get; private set; } = "";
    public SignInOutcome Outcome { get; private set; }
    public string? ClientAddress { get; private set; }
    public DateTime OccurredUtc { get; private set; }

    public static string OutcomeChinese(SignInOutcome outcome) => outcome switch
    {
        SignInOutcome.Succeeded => "登录成功",
        SignInOutcome.Failed => "登录失败",
        SignInOutcome.LockedOut => "账户已锁定",
        SignInOutcome.RequiresTwoFactor => "待两步验证",
        SignInOutcome.NotAllowed => "不允许登录",
        _ => outcome.ToString(),
    };
}
