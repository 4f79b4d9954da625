<#ftl output_format="plainText">
${msg("kenpoEmailCodeBody", code, minutes?c, realmName)}
