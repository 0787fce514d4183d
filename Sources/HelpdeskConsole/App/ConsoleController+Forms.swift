import Foundation
import HelpdeskCore
import HelpdeskUseCases

extension ConsoleController {
    /// Keys in a form: printable ones type into the focused field, left/right turn a picker, return
    /// moves on from a one-line field; the rest resolve in the form's key table.
    func handleFormKey(_ key: Key, _ form: inout FormState) -> Effect {
        let index = form.focus
        var command: String?
        // The form's own keys first (submit, next field, cancel), then the field's editing keys, and
        // only then the global table (`C-c` asks before quitting while anything is typed).
        if case .command(let name) = config.keyMap.resolve([key], in: [.form], includingGlobal: false), !key.isPrintable { command = name }
        if command == nil {
            var handled = true
            let last = index == form.fields.count - 1
            switch form.fields[index].field {
            case .text(var field):
                if key == .enter {
                    // `ret` on the last line submits; on the others it moves on.
                    if last { command = "form.submit" } else { form.focus = index + 1 }
                } else {
                    handled = field.handle(key)
                    form.fields[index].field = .text(field)
                }
            case .multiline(var editor):
                handled = editor.handle(key)
                form.fields[index].field = .multiline(editor)
            case .picker(let options, let selected):
                if key == .left || key == .right || key == .char(" ") {
                    let step = key == .left ? options.count - 1 : 1
                    form.fields[index].field = .picker(options: options, selected: (selected + step) % options.count)
                } else if key == .enter {
                    if last { command = "form.submit" } else { form.focus = index + 1 }
                } else {
                    handled = key.isPrintable
                }
            }
            if command == nil {
                state.overlay = .form(form)
                if !handled, case .command("app.quit") = config.keyMap.resolve([key], in: [], includingGlobal: true) { return requestQuit() }
                return .none
            }
        }
        switch command {
        case "form.next-field": form.focus = (index + 1) % form.fields.count
        case "form.previous-field": form.focus = (index + form.fields.count - 1) % form.fields.count
        case "form.cancel":
            if form.purpose == .newTicket { state.ticketDraft = form }
            state.overlay = nil
            return .none
        case "editor.external":
            guard config.externalEditorAllowed else {
                state.message = (Self.noExternalEditor, true)
                state.overlay = .form(form)
                return .none
            }
            if case .multiline(let editor) = form.fields[index].field { return .editExternally(editor.text) }
        case "form.submit":
            submit(&form)
        default: break
        }
        state.overlay = .form(form)
        return .none
    }

    func openNewTicketForm() {
        state.overlay = .form(state.ticketDraft ?? .newTicket())
    }

    /// Sends the form to the core; its field errors come back beside the fields and nothing typed is lost.
    func submit(_ form: inout FormState) {
        form.errors = [:]
        let service = self.service
        switch form.purpose {
        case .register:
            let email = form.text("email"), name = form.text("name"), password = form.text("password")
            let confirmation = form.text("password_confirmation")
            form.busy = true
            let guest = self.guest
            background({
                _ = try await service.register(email: email, name: name, password: password, passwordConfirmation: confirmation)
                guard let guest else {
                    return .registered(try await service.login(email: email, password: password, origin: .local), credentials: nil)
                }
                let user = try await service.guestLogin(email: email, password: password, guest: guest)
                return .registered(user, credentials: (email, password))
            }, onError: { error in .formFailed(error) })
        case .newUser:
            guard let user = state.user else { return }
            let email = form.text("email"), name = form.text("name"), role = form.text("role"), password = form.text("password")
            form.busy = true
            background({
                let added = try await service.addUser(email: email, name: name, role: role, password: password, by: user)
                return .formDone("Added \(added.email) as \(added.role.rawValue)")
            }, onError: { error in .formFailed(error) })
        case .changePassword:
            guard let user = state.user else { return }
            let current = form.text("current_password"), new = form.text("new_password")
            guard form.text("new_password_confirmation") == new else {
                form.errors = ["new_password_confirmation": "does not match the new password"]
                return
            }
            form.busy = true
            background({
                do {
                    _ = try await service.changePassword(current: current, new: new, origin: .local, by: user)
                } catch let error as HelpdeskError where error == LoginLockout.refusal {
                    // The current password refused (or the account locked): beside that field, and
                    // not a sign-out, which any other UNAUTHORIZED (the user may no longer act) is.
                    return .formFailed(HelpdeskError(error.code, error.message, fieldErrors: ["current_password": [error.message]]))
                }
                return .formDone("Password changed; your API sessions were ended")
            }, onError: { error in .formFailed(error) })
        case .newTicket:
            guard let user = state.user else { return }
            let input = NewTicketInput(
                subject: form.text("subject"), description: form.text("description"), priority: form.text("priority"),
                category: form.text("category"))
            form.busy = true
            background({
                return .ticketCreated(try await service.createTicket(input, by: user).ticket.number)
            }, onError: { error in .formFailed(error) })
        }
    }
}
