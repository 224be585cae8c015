; Included by electron-builder's NSIS script (electron-builder.yml: nsis.include). UTF-8.
;
; 1. Vietnamese for electron-builder's own messages: its messages.yml has Vietnamese for only one of them,
;    the rest would show in English. They are set in customHeader because that macro is expanded after the
;    generated messages include, and the last LangString for a language wins (warning 6030 is expected:
;    electron-builder builds with warnings as errors).
; 2. The .tdkt association: electron-builder writes an English verb ("Open with …") and an unquoted exe
;    path; a profile folder such as "C:\Users\Nguyễn Văn A" needs the quotes. Rewritten after its macro.

!define TDKT_PROGID "ThiDuaKhenThuong.GoiTraoDoi"

!macro customHeader
  !pragma warning push
  !pragma warning disable 6030
  LangString win7Required 1066 "Cần Windows 7 trở lên."
  LangString x64WinRequired 1066 "Cần Windows 64-bit."
  LangString appRunning 1066 "${PRODUCT_NAME} đang chạy.$\r$\nBấm OK để đóng phần mềm.$\r$\nNếu phần mềm không đóng, hãy tự đóng rồi chạy lại bộ cài."
  LangString appCannotBeClosed 1066 "Không đóng được ${PRODUCT_NAME}.$\r$\nHãy tự đóng phần mềm rồi bấm Thử lại (Retry) để tiếp tục."
  LangString installing 1066 "Đang cài đặt, xin chờ…"
  LangString areYouSureToUninstall 1066 "Gỡ bỏ ${PRODUCT_NAME}? Dữ liệu và các bản sao lưu vẫn được giữ lại."
  LangString decompressionFailed 1066 "Không giải nén được các tệp cài đặt. Hãy chạy lại bộ cài."
  LangString uninstallFailed 1066 "Không gỡ được các tệp của phiên bản cũ. Hãy đóng phần mềm và chạy lại bộ cài."
  LangString appClosing 1066 "Đang đóng ${PRODUCT_NAME}…"
  !pragma warning pop
!macroend

!macro customInstall
  WriteRegStr SHCTX "Software\Classes\${TDKT_PROGID}\shell\open" "" "Mở bằng Thi đua Khen thưởng"
  WriteRegStr SHCTX "Software\Classes\${TDKT_PROGID}\shell\open\command" "" '"$appExe" "%1"'
!macroend
