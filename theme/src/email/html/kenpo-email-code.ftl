<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg("kenpoEmailCodeBodyHtml", code, minutes?c, realmName))?no_esc}
</@layout.emailLayout>
