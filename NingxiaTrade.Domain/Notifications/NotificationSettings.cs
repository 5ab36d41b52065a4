namespace NingxiaTrade.Domain.Notifications;

/// <summary>Settings of notifications (section <c>Notifications</c>).</summary>
public sealed class NotificationSettings
{
    public SmtpSettings Smtp { get; set; } = new();
    public MailQueueSettings Mail { get; set; } = new();
}

/// <summary>
/// The SMTP server of the e-mail channel (<c>Notifications:Smtp</c>). Without <see cref="Host"/> and <see cref="From"/>
/// notifications stay in-app only. The password is read from configuration (environment or a secret store in
/// production) and is never written to the database, the audit log, a page or a log line.
/// </summary>
public sealed class SmtpSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string? User { get; set; }
    public string? Password { get; set; }
    /// <summary>The sender address, e.g. <c>noreply@ggzy.nx.gov.cn</c> or <c>宁夏公共资源交易平台 &lt;noreply@…&gt;</c>.</summary>
    public string? From { get; set; }
    /// <summary>Port 465: TLS from the start; any other port: STARTTLS, required. False: plain (a relay on the local network only).</summary>
    public bool UseTls { get; set; } = true;
    public int TimeoutSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);

    /// <summary>Never the password (settings end up in logs and debugger views).</summary>
    public override string ToString() =>
        IsConfigured ? $"{Host}:{Port} 发件人 {From}{(string.IsNullOrEmpty(User) ? "" : $" 账户 {User}")}{(string.IsNullOrEmpty(Password) ? "" : " 密码已设置")}{(UseTls ? " TLS" : "")}" : "未配置";

    /// <summary>Removes the password from a text that may have quoted it (a server's error answer).</summary>
    public string Scrub(string text) =>
        string.IsNullOrEmpty(Password) || Password.Length < 3 ? text : text.Replace(Password, "******", StringComparison.Ordinal);
}

/// <summary>The outbox of the e-mail channel (<c>Notifications:Mail</c>).</summary>
public sealed class MailQueueSettings
{
    /// <summary>Tries before a message is given up (状态“发送失败”; an Admin can send it again).</summary>
    public int MaxAttempts { get; set; } = 8;
    /// <summary>Wait after the first failure; doubled after each further failure up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(6);
    /// <summary>Messages sent per run of the outbox job.</summary>
    public int BatchSize { get; set; } = 50;
    /// <summary>The site's public address (e.g. https://ggzy.nx.gov.cn); when set, e-mails carry a full link to the page.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Exponential back-off: the wait after the <paramref name="attempts"/>-th failed try.</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var ticks = Math.Min(FirstRetryDelay.Ticks * factor, MaxRetryDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
