{{- define "routeboard.name" -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "routeboard.labels" -}}
app.kubernetes.io/name: routeboard
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "routeboard.selector" -}}
app.kubernetes.io/name: routeboard
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "routeboard.serviceAccount" -}}
{{- default (include "routeboard.name" .) .Values.serviceAccount.name -}}
{{- end -}}

{{- define "routeboard.publicHost" -}}
{{- .Values.publicUrl | trimPrefix "https://" | trimPrefix "http://" | trimSuffix "/" -}}
{{- end -}}
