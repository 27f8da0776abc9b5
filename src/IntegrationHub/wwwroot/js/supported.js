// GOV.UK Frontend's components enhance themselves only where these classes say scripts run.
document.body.className += " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
